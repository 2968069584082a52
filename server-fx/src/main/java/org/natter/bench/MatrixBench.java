package org.natter.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code natter bench} alone: runs the standard matrix, each scenario against a fresh server of its own (so the
 * backlog an overloaded scenario leaves behind cannot spoil the next), then writes the report.
 */
final class MatrixBench {

    /** Receivers and messages per second of the fan-out scenarios; each ten of the receivers send. */
    static final int[][] FANOUT = {{100, 1_000}, {1_000, 100}, {1_000, 1_000}, {1_000, 5_000}};
    static final int LOGIN_STORM = 19_000;
    static final int LOGIN_SECONDS = 60;
    static final int SENDERS = 10;

    private MatrixBench() {
    }

    static int run(BenchOptions options) throws Exception {
        Path out = Path.of(options.out());
        Files.createDirectories(out);
        List<FanoutResult> fanouts = new ArrayList<>();
        LoginsResult logins;
        System.out.println("each scenario: a fresh server (JVM settings " + BenchServerProcess.jvmSettings() + "), "
                + options.seconds() + " s measured after " + options.warmup() + " s warm-up");
        for (int[] scenario : FANOUT) {
            try (BenchServerProcess server = new BenchServerProcess(out, scenario[0] + "x" + scenario[1])) {
                BenchOptions one = new BenchOptions("fanout", "127.0.0.1", server.port(), scenario[0], SENDERS, scenario[1],
                        options.seconds(), options.warmup(), null, server.pid(), false, 0, options.lateMillis(),
                        options.concurrent(), options.protocol(), options.out(), false, false);
                FanoutResult result = FanoutBench.run(one);
                System.out.println(result.summary());
                fanouts.add(result);
            }
        }
        try (BenchServerProcess server = new BenchServerProcess(out, "logins")) {
            BenchOptions storm = new BenchOptions("logins", "127.0.0.1", server.port(), 0, 0, 0, LOGIN_SECONDS, 0, null,
                    server.pid(), false, LOGIN_STORM, options.lateMillis(), options.concurrent(), options.protocol(),
                    options.out(), false, false);
            logins = LoginsBench.run(storm);
            System.out.println(logins.summary());
        }
        MatrixReport report = new MatrixReport(fanouts, logins);
        System.out.println();
        System.out.println(report.table());
        report.write(out);
        System.out.println("Report: " + out.resolve("bench.md") + ", " + out.resolve("bench.csv") + ", "
                + out.resolve("p99.png") + ", the servers' GC logs server-*-gc.log");
        return 0;
    }
}
