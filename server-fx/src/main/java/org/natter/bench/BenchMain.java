package org.natter.bench;

import java.util.Arrays;
import org.natter.server.core.IoTransport;

/**
 * {@code ./natter bench}: the load tool. Runs from the server's class path; see {@link BenchOptions#USAGE}.
 * Exit status: 0 done, 1 the run could not be made (server unreachable, clients refused), 2 bad options.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println("natter bench: " + e.getMessage());
            System.err.println("Try 'natter bench --help'.");
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        System.out.println("natter bench: " + IoTransport.best().describe() + " transport, "
                + Runtime.getRuntime().availableProcessors() + " processors");
        try {
            System.exit(run(options));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(1);
        } catch (Exception e) {
            System.err.println("natter bench: the run failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private static int run(BenchOptions options) throws Exception {
        switch (options.mode()) {
            case "fanout" -> {
                FanoutResult result = FanoutBench.run(options);
                System.out.println(result.summary());
                return result.problem() == null ? 0 : 1;
            }
            case "logins" -> {
                LoginsResult result = LoginsBench.run(options);
                System.out.println(result.summary());
                return result.complete() ? 0 : 1;
            }
            default -> {
                return MatrixBench.run(options);
            }
        }
    }
}
