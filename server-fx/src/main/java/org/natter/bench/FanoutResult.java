package org.natter.bench;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * One fan-out run. Latencies in microseconds; CPU in percent of one core (-1: unknown); memory in bytes (-1:
 * unknown). {@code disconnected}: receivers the server closed during the run (it closes a receiver that does not
 * keep up without a last frame, so the tool counts every close as an eviction). {@code pings}: the round trips of
 * the {@link Pinger}. {@code problem} is null for a run that got all its clients in, else a sentence.
 */
record FanoutResult(int receivers, int senders, int rate, int seconds, long expected, long received, long late,
                    int disconnected, long p50, long p90, long p99, long p999, long max, double benchCpu,
                    double serverCpu, long serverRss, double benchNanosPerDelivery, double serverNanosPerDelivery,
                    Pinger.PingResult pings, String problem) {

    static final Pinger.PingResult NO_PINGS = new Pinger.PingResult(0, 0, -1, -1);

    static FanoutResult failed(BenchOptions o, String problem) {
        return new FanoutResult(o.receivers(), o.senders(), o.rate(), o.seconds(), 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, -1, -1, -1,
                NO_PINGS, problem);
    }

    static FanoutResult of(BenchOptions o, long expected, long received, long late, int disconnected, Histogram h,
                           double benchCpu, double serverCpu, long serverRss, double benchNanos, double serverNanos,
                           Pinger.PingResult pings) {
        boolean any = h.getTotalCount() > 0;
        return new FanoutResult(o.receivers(), o.senders(), o.rate(), o.seconds(), expected, received, late, disconnected,
                any ? h.getValueAtPercentile(50) : -1, any ? h.getValueAtPercentile(90) : -1,
                any ? h.getValueAtPercentile(99) : -1, any ? h.getValueAtPercentile(99.9) : -1,
                any ? h.getMaxValue() : -1, benchCpu, serverCpu, serverRss, benchNanos, serverNanos, pings, null);
    }

    /** The ping round trips as "p99 / max" (with the unanswered ones, if any), or n/a. */
    String pingSummary() {
        if (pings.sent() == 0) {
            return "n/a";
        }
        return millis(pings.p99()) + " / " + millis(pings.max())
                + (pings.unanswered() > 0 ? String.format(Locale.ROOT, " (%,d unanswered)", pings.unanswered()) : "");
    }

    /** What was asked: messages per second times receivers. */
    long offeredPerSecond() {
        return (long) rate * receivers;
    }

    /** Deliveries of the measured messages, per second of the measurement. */
    double deliveredPerSecond() {
        return (double) received / seconds;
    }

    long lost() {
        return Math.max(0, expected - received);
    }

    String scenario() {
        return String.format(Locale.ROOT, "%,d receivers x %,d msg/s", receivers, rate);
    }

    static String millis(long micros) {
        if (micros < 0) {
            return "n/a";
        }
        return micros < 10_000 ? String.format(Locale.ROOT, "%.2f ms", micros / 1000.0)
                : String.format(Locale.ROOT, "%,.0f ms", micros / 1000.0);
    }

    static String percent(double value) {
        return value < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f%%", value);
    }

    /** CPU microseconds per delivery, or n/a. */
    static String micros(double nanos) {
        return nanos < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f µs", nanos / 1000);
    }

    static String mebibytes(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%,d MiB", bytes >> 20);
    }

    /** A few lines for the terminal. */
    String summary() {
        if (problem != null) {
            return scenario() + ": " + problem;
        }
        return String.format(Locale.ROOT, """
                %s (%d of them sending), %d s measured
                  deliveries/s  %,.0f of %,d offered
                  latency       p50 %s  p90 %s  p99 %s  p99.9 %s  max %s
                  lost          %,d of %,d expected;  late (> limit) %,d;  disconnected (evicted) %d
                  ping          p99 / max %s (%,d pings, one every %d ms)
                  CPU           load tool %s, server %s of one core;  server memory %s
                  CPU/delivery  server %s, load tool %s (whole run)""",
                scenario(), senders, seconds, deliveredPerSecond(), offeredPerSecond(),
                millis(p50), millis(p90), millis(p99), millis(p999), millis(max),
                lost(), expected, late, disconnected, pingSummary(), pings.sent(), Pinger.INTERVAL_MILLIS, percent(benchCpu), percent(serverCpu), mebibytes(serverRss),
                micros(serverNanosPerDelivery), micros(benchNanosPerDelivery));
    }
}
