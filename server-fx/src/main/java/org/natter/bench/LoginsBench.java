package org.natter.bench;

import java.util.concurrent.TimeUnit;

/**
 * {@code natter bench logins}: N clients log in as fast as the server lets them (at most K in flight), then stay
 * idle so the server's memory per connection can be read: once the storm has settled, and again after
 * {@link #IDLE_MILLIS}, when a server that gives memory back after a storm has done so.
 */
final class LoginsBench {

    /** Long enough for the server to send the last presence frames and settle. */
    private static final long SETTLE_MILLIS = 3_000;

    /**
     * How long the clients idle before the server's memory is read again (with {@code --server-pid} only): longer
     * than the shipped server's idle collection (-XX:G1PeriodicGCInterval, docs/PERFORMANCE.md) and its cycle.
     */
    static final long IDLE_MILLIS = 25_000;

    private LoginsBench() {
    }

    static LoginsResult run(BenchOptions options) throws Exception {
        DeliveryStats unused = new DeliveryStats(options.lateMillis());
        ProcessStats.Sample before = ProcessStats.of(options.serverPid());
        try (LoadClients clients = new LoadClients(options.host(), options.port(), options.tls())) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.seconds());
            LoadClients.LoginResult logins = clients.connect(options.clients(), options.concurrent(), null,
                    options.protocol(), unused, deadline);
            ProcessStats.Sample loggedIn = ProcessStats.of(options.serverPid());
            long start = System.nanoTime();
            FanoutBench.sleepUntil(start + TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS));
            ProcessStats.Sample settled = ProcessStats.of(options.serverPid());
            if (options.serverPid() > 0) {
                FanoutBench.sleepUntil(start + TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS));
            }
            ProcessStats.Sample idle = ProcessStats.of(options.serverPid());
            int count = logins.ready().size();
            return new LoginsResult(options.clients(), count, logins.nanos(),
                    count == 0 ? 0 : clients.framesAfterLogin() / count, before.rssBytes(), settled.rssBytes(),
                    idle.rssBytes(), loggedIn.cpuPercentSince(before), logins.firstFailure());
        }
    }
}
