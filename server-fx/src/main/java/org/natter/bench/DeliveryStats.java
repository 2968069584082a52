package org.natter.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the receivers saw, recorded from every I/O thread of the load tool at once (the recorder and the adders
 * take concurrent writers without locks). A message belongs to the measurement when its intended send time lies
 * in [start, end); earlier ones are warm-up.
 */
final class DeliveryStats {

    /** Microseconds, up to an hour, three significant digits. */
    private final Recorder latency = new Recorder(TimeUnit.HOURS.toMicros(1), 3);
    private final LongAdder measured = new LongAdder();
    private final LongAdder warmup = new LongAdder();
    private final LongAdder late = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final long lateNanos;
    private volatile long start = Long.MAX_VALUE;
    private volatile long end = Long.MAX_VALUE;

    DeliveryStats(long lateMillis) {
        this.lateNanos = TimeUnit.MILLISECONDS.toNanos(lateMillis);
    }

    void window(long startNanos, long endNanos) {
        start = startNanos;
        end = endNanos;
    }

    long start() {
        return start;
    }

    long end() {
        return end;
    }

    /** A sender wrote a message meant to leave at {@code intendedNanos}. */
    void sent(long intendedNanos) {
        if (intendedNanos >= start && intendedNanos < end) {
            sent.increment();
        }
    }

    /** A receiver got a message meant to leave at {@code intendedNanos}. */
    void delivered(long intendedNanos, long nowNanos) {
        if (intendedNanos < start) {
            warmup.increment();
            return;
        }
        long nanos = Math.max(0, nowNanos - intendedNanos);
        measured.increment();
        latency.recordValue(Math.min(TimeUnit.NANOSECONDS.toMicros(nanos), TimeUnit.HOURS.toMicros(1)));
        if (nanos > lateNanos) {
            late.increment();
        }
    }

    long measuredSent() {
        return sent.sum();
    }

    long measuredDeliveries() {
        return measured.sum();
    }

    long warmupDeliveries() {
        return warmup.sum();
    }

    long late() {
        return late.sum();
    }

    /** Every latency recorded so far, in microseconds. */
    Histogram histogram() {
        return latency.getIntervalHistogram();
    }
}
