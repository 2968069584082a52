package org.natter.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.natter.server.core.IoTransport;

/**
 * The matrix's results as a terminal table, Markdown, CSV and a chart of p99 latency against offered load; every
 * row says its transport (plain or TLS).
 */
final class MatrixReport {

    private final List<MatrixRun<FanoutResult>> fanouts;
    private final List<MatrixRun<LoginsResult>> logins;

    MatrixReport(List<MatrixRun<FanoutResult>> fanouts, List<MatrixRun<LoginsResult>> logins) {
        this.fanouts = fanouts;
        this.logins = logins;
    }

    /** The same rows as the Markdown table, for the terminal. */
    String table() {
        return markdownTable();
    }

    void write(Path out) throws IOException {
        Files.writeString(out.resolve("bench.md"), markdown());
        Files.writeString(out.resolve("bench.csv"), csv());
        LatencyChart.write(fanouts, out.resolve("p99.png"));
    }

    String markdown() {
        return "# natter bench\n\n" + Instant.now() + ", " + Runtime.getRuntime().availableProcessors() + " processors, "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", "
                + IoTransport.best().describe() + " transport (load tool)\n\n" + markdownTable() + "\n";
    }

    private String markdownTable() {
        StringBuilder text = new StringBuilder();
        text.append("| scenario | transport | offered deliveries/s | delivered/s | p50 | p90 | p99 | p99.9 | max | lost | late | tool CPU | server CPU | server CPU per delivery | server RSS | ping p99 / max | evicted |\n");
        text.append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        for (MatrixRun<FanoutResult> run : fanouts) {
            FanoutResult r = run.result();
            if (r.problem() != null) {
                text.append("| ").append(r.scenario()).append(" | ").append(run.transport()).append(" | ")
                        .append(r.problem()).append(" ||||||||||||||\n");
                continue;
            }
            text.append(String.format(Locale.ROOT, "| %s | %s | %,d | %,.0f | %s | %s | %s | %s | %s | %,d | %,d | %s | %s | %s | %s | %s | %d |%n",
                    r.scenario(), run.transport(), r.offeredPerSecond(), r.deliveredPerSecond(), FanoutResult.millis(r.p50()),
                    FanoutResult.millis(r.p90()), FanoutResult.millis(r.p99()), FanoutResult.millis(r.p999()),
                    FanoutResult.millis(r.max()), r.lost(), r.late(), FanoutResult.percent(r.benchCpu()),
                    FanoutResult.percent(r.serverCpu()), FanoutResult.micros(r.serverNanosPerDelivery()),
                    FanoutResult.mebibytes(r.serverRss()), r.pingSummary(), r.disconnected()));
        }
        if (!logins.isEmpty()) {
            text.append(String.format(Locale.ROOT, "%n| logins | transport | logged in | time | frames per client | server CPU | server memory |%n"
                    + "|---|---|--:|--:|--:|--:|--:|%n"));
        }
        for (MatrixRun<LoginsResult> run : logins) {
            LoginsResult l = run.result();
            String memory = l.bytesPerConnection() < 0 ? "n/a"
                    : String.format(Locale.ROOT, "%,d KB per connection", l.bytesPerConnection() / 1024);
            text.append(String.format(Locale.ROOT, "| %s | %s | %,d | %.1f s | %,d | %s | %s |%n",
                    l.scenario(), run.transport(), l.loggedIn(), l.nanos() / 1e9, l.framesPerClient(),
                    FanoutResult.percent(l.serverCpu()), memory));
        }
        return text.toString();
    }

    String csv() {
        StringBuilder text = new StringBuilder("scenario,transport,receivers,senders,rate,seconds,offered_per_s,delivered_per_s,"
                + "p50_us,p90_us,p99_us,p999_us,max_us,expected,received,lost,late,disconnected,tool_cpu_pct,server_cpu_pct,"
                + "server_rss_bytes,tool_cpu_ns_per_delivery,server_cpu_ns_per_delivery,logged_in,login_seconds,frames_per_client,bytes_per_connection,problem,ping_p99_us,ping_max_us,pings_unanswered\n");
        for (MatrixRun<FanoutResult> run : fanouts) {
            FanoutResult r = run.result();
            text.append(String.format(Locale.ROOT, "fanout,%s,%d,%d,%d,%d,%d,%.0f,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%.1f,%.1f,%d,%.0f,%.0f,,,,,%s,%d,%d,%d%n",
                    run.transport(), r.receivers(), r.senders(), r.rate(), r.seconds(), r.offeredPerSecond(), r.deliveredPerSecond(),
                    r.p50(), r.p90(), r.p99(), r.p999(), r.max(), r.expected(), r.received(), r.lost(), r.late(),
                    r.disconnected(), r.benchCpu(), r.serverCpu(), r.serverRss(), r.benchNanosPerDelivery(),
                    r.serverNanosPerDelivery(), quote(r.problem()), r.pings().p99(), r.pings().max(), r.pings().unanswered()));
        }
        for (MatrixRun<LoginsResult> run : logins) {
            LoginsResult l = run.result();
            text.append(String.format(Locale.ROOT, "logins,%s,%d,,,,,,,,,,,,,,,,,%.1f,%d,,,%d,%.1f,%d,%d,%s%n",
                    run.transport(), l.clients(), l.serverCpu(), l.serverRssAfter(), l.loggedIn(), l.nanos() / 1e9,
                    l.framesPerClient(), l.bytesPerConnection(), quote(l.firstFailure()) + ",,,"));
        }
        return text.toString();
    }

    private static String quote(String text) {
        return text == null ? "" : "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
