package org.natter.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code natter bench} alone: runs the standard matrix, each scenario against a fresh server of its own (so the
 * backlog an overloaded scenario leaves behind cannot spoil the next), then writes the report. Every scenario
 * runs in plain text; the two 100,000 deliveries/s fan-outs and the login storm run again over TLS, against a
 * server that refuses plain text (the shipped default).
 */
final class MatrixBench {

    /** A fan-out scenario: receivers, messages per second in all, and the transport. */
    record Fanout(int receivers, int rate, boolean tls) {
        String label() {
            return (tls ? "tls-" : "") + receivers + "x" + rate;
        }
    }

    /**
     * The fan-out rows. Not over TLS: 1,000 x 1,000 and 1,000 x 5,000, which saturate the two cores in plain text
     * already; with the tool decrypting on the same cores they would measure the tool as much as the server, and
     * the 100,000/s rows show what TLS costs per delivery.
     */
    static final List<Fanout> FANOUT = List.of(
            new Fanout(100, 1_000, false), new Fanout(1_000, 100, false),
            new Fanout(1_000, 1_000, false), new Fanout(1_000, 5_000, false),
            new Fanout(100, 1_000, true), new Fanout(1_000, 100, true));
    static final int LOGIN_STORM = 19_000;
    static final int LOGIN_SECONDS = 60;
    static final int SENDERS = 10;

    private MatrixBench() {
    }

    static int run(BenchOptions options) throws Exception {
        Path out = Path.of(options.out());
        Files.createDirectories(out);
        List<MatrixRun<FanoutResult>> fanouts = new ArrayList<>();
        List<MatrixRun<LoginsResult>> logins = new ArrayList<>();
        System.out.println("each scenario: a fresh server (JVM settings " + BenchServerProcess.jvmSettings() + "), "
                + options.seconds() + " s measured after " + options.warmup() + " s warm-up");
        for (Fanout scenario : FANOUT) {
            MatrixRun<FanoutResult> run = fanout(options, out, scenario);
            System.out.println("[" + run.transport() + "] " + run.result().summary());
            fanouts.add(run);
        }
        for (boolean tls : new boolean[] {false, true}) {
            MatrixRun<LoginsResult> run = logins(options, out, LOGIN_STORM, tls);
            System.out.println("[" + run.transport() + "] " + run.result().summary());
            logins.add(run);
        }
        MatrixReport report = new MatrixReport(fanouts, logins);
        System.out.println();
        System.out.println(report.table());
        report.write(out);
        System.out.println("Report: " + out.resolve("bench.md") + ", " + out.resolve("bench.csv") + ", "
                + out.resolve("p99.png") + ", the servers' GC logs server-*-gc.log");
        return 0;
    }

    /** One fan-out scenario against a fresh server of its own. */
    static MatrixRun<FanoutResult> fanout(BenchOptions options, Path out, Fanout scenario) throws Exception {
        try (BenchServerProcess server = new BenchServerProcess(out, scenario.label(), scenario.tls())) {
            BenchOptions one = new BenchOptions("fanout", "127.0.0.1", server.port(), scenario.receivers(),
                    Math.min(SENDERS, scenario.receivers()), scenario.rate(), options.seconds(), options.warmup(), null,
                    server.pid(), false, 0, options.lateMillis(), options.concurrent(), options.protocol(), options.out(),
                    false, scenario.tls());
            return new MatrixRun<>(scenario.tls(), FanoutBench.run(one));
        }
    }

    /** A login storm of {@code clients} against a fresh server of its own. */
    static MatrixRun<LoginsResult> logins(BenchOptions options, Path out, int clients, boolean tls) throws Exception {
        try (BenchServerProcess server = new BenchServerProcess(out, (tls ? "tls-" : "") + "logins", tls)) {
            BenchOptions storm = new BenchOptions("logins", "127.0.0.1", server.port(), 0, 0, 0, LOGIN_SECONDS, 0, null,
                    server.pid(), false, clients, options.lateMillis(), options.concurrent(), options.protocol(),
                    options.out(), false, tls);
            return new MatrixRun<>(tls, LoginsBench.run(storm));
        }
    }
}
