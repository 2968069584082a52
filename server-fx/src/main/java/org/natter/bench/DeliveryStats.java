package org.natter.bench;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * What the receivers saw, recorded from every I/O thread of the load tool at once. Each thread records latencies
 * in a histogram of its own (one shared recorder made its threads fight over the same counters: a tenth of the
 * tool's CPU at a million deliveries a second), merged when read; the adders take concurrent writers as they
 * are. A message belongs to the measurement when its intended send time lies in [start, end); earlier ones are
 * warm-up.
 */
final class DeliveryStats {

    /** Microseconds, up to an hour, three significant digits. */
    private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);
    private static final int DIGITS = 3;

    private final List<Histogram> shards = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Histogram> shardOfThread = ThreadLocal.withInitial(() -> {
        Histogram shard = new Histogram(HIGHEST_MICROS, DIGITS);
        shards.add(shard);
        return shard;
    });
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
        Histogram shard = shardOfThread.get();
        // Uncontended: only this thread writes it; the lock makes its counts visible to histogram().
        synchronized (shard) {
            shard.recordValue(Math.min(TimeUnit.NANOSECONDS.toMicros(nanos), HIGHEST_MICROS));
        }
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
        Histogram all = new Histogram(HIGHEST_MICROS, DIGITS);
        for (Histogram shard : shards) {
            synchronized (shard) {
                all.add(shard);
            }
        }
        return all;
    }
}
