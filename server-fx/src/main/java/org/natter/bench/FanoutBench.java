package org.natter.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code natter bench fanout}: R receivers log in, S of them send M messages a second in all for W + D seconds,
 * and every message should reach all R. Measures the D seconds after the warm-up, then waits for stragglers.
 */
final class FanoutBench {

    /** How long after the last send the tool waits for deliveries still on their way. */
    private static final long DRAIN_MILLIS = 5_000;
    private static final long POLL_MILLIS = 20;

    private FanoutBench() {
    }

    static FanoutResult run(BenchOptions options) throws Exception {
        DeliveryStats stats = new DeliveryStats(options.lateMillis());
        try (LoadClients clients = new LoadClients(options.host(), options.port(), options.tls())) {
            long loginDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60 + options.receivers() / 100);
            LoadClients.LoginResult logins = clients.connect(options.receivers(), options.concurrent(), options.room(),
                    options.protocol(), stats, loginDeadline);
            if (!logins.complete()) {
                return FanoutResult.failed(options, "only " + logins.ready().size() + " of " + options.receivers()
                        + " receivers logged in" + (logins.firstFailure() == null ? "" : "; first refusal: " + logins.firstFailure()));
            }
            List<BenchConnection> receivers = logins.ready();
            Pinger pinger;
            try {
                pinger = clients.pinger(options.protocol());
            } catch (IllegalStateException e) {
                return FanoutResult.failed(options, e.getMessage());
            }
            long now = System.nanoTime();
            long start = now + TimeUnit.SECONDS.toNanos(options.warmup());
            long end = start + TimeUnit.SECONDS.toNanos(options.seconds());
            stats.window(start, end);
            ProcessStats.Sample selfFirst = ProcessStats.self();
            ProcessStats.Sample serverFirst = ProcessStats.of(options.serverPid());
            Senders senders = new Senders(receivers.subList(0, options.senders()), options.rate(), options.room(), now, end, stats);
            pinger.pingBetween(start, end);
            try {
                sleepUntil(start);
                ProcessStats.Sample selfBefore = ProcessStats.self();
                ProcessStats.Sample serverBefore = ProcessStats.of(options.serverPid());
                sleepUntil(end);
                ProcessStats.Sample selfAfter = ProcessStats.self();
                ProcessStats.Sample serverAfter = ProcessStats.of(options.serverPid());
                long expected = stats.measuredSent() * receivers.size();
                long drainEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(DRAIN_MILLIS, options.lateMillis()));
                while (stats.measuredDeliveries() < expected && System.nanoTime() < drainEnd) {
                    Thread.sleep(POLL_MILLIS);
                }
                int disconnected = (int) receivers.stream().filter(c -> !c.channel().isActive()).count();
                Pinger.PingResult pings = pinger.result();
                // CPU per delivery over the whole run, warm-up and drain included: the work done, whatever the
                // machine's other load let the processes run meanwhile.
                // Late first: each delivery counts as measured before it counts as late, so late <= received.
                long late = stats.late();
                long received = stats.measuredDeliveries();
                long all = received + stats.warmupDeliveries();
                ProcessStats.Sample selfLast = ProcessStats.self();
                ProcessStats.Sample serverLast = ProcessStats.of(options.serverPid());
                return FanoutResult.of(options, expected, received, late, disconnected,
                        stats.histogram(), selfAfter.cpuPercentSince(selfBefore), serverAfter.cpuPercentSince(serverBefore),
                        serverAfter.rssBytes(), selfLast.nanosPer(selfFirst, all), serverLast.nanosPer(serverFirst, all), pings);
            } finally {
                senders.stop();
            }
        }
    }

    /** The tool's own pacing: the main thread waits for a point in time, nothing else waits on it. */
    static void sleepUntil(long nanos) throws InterruptedException {
        long left;
        while ((left = nanos - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
        }
    }
}
