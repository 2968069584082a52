package org.natter.common.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Hands items from any thread to the UI thread in batches, so that a burst of thousands of messages or server
 * events costs a handful of UI updates: producers offer to a concurrent queue, at most one drain is pending on
 * the UI executor, and each drain passes what is queued to the consumer in one list (one {@code addAll}). A drain
 * takes at most {@code maxBatch} items and schedules itself again for the rest, so that one huge burst cannot
 * freeze the window.
 *
 * @param <T> the item type
 */
public final class FxBatcher<T> {

    private final Queue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainPending = new AtomicBoolean();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger maxQueued = new AtomicInteger();
    private final AtomicLong drains = new AtomicLong();
    private final Executor uiExecutor;
    private final int maxBatch;
    private final Consumer<List<T>> consumer;

    /**
     * @param uiExecutor runs the drains: {@code Platform::runLater} in an app, {@code Runnable::run} in a test
     * @param consumer   gets each non-empty batch (everything queued), oldest item first, on the UI executor
     */
    public FxBatcher(Executor uiExecutor, Consumer<List<T>> consumer) {
        this(uiExecutor, Integer.MAX_VALUE, consumer);
    }

    /** As above, with at most {@code maxBatch} items per batch. */

    public FxBatcher(Executor uiExecutor, int maxBatch, Consumer<List<T>> consumer) {
        if (maxBatch <= 0) {
            throw new IllegalArgumentException("maxBatch must be greater than 0.");
        }
        this.uiExecutor = Objects.requireNonNull(uiExecutor, "uiExecutor");
        this.maxBatch = maxBatch;
        this.consumer = Objects.requireNonNull(consumer, "consumer");
    }

    /** Any thread. */
    public void offer(T item) {
        queue.offer(item);
        maxQueued.accumulateAndGet(queued.incrementAndGet(), Math::max);
        scheduleDrain();
    }

    /** The most items that ever waited at once; benchmarks report it. */
    public int maxQueued() {
        return maxQueued.get();
    }

    /** How many drains ran on the UI executor. */
    public long drains() {
        return drains.get();
    }

    private void scheduleDrain() {
        if (drainPending.compareAndSet(false, true)) {
            uiExecutor.execute(this::drain);
        }
    }

    /** UI thread. */
    private void drain() {
        // Cleared before polling: an item offered after the last poll schedules the next drain itself.
        drainPending.set(false);
        drains.incrementAndGet();
        List<T> batch = new ArrayList<>();
        T item;
        while (batch.size() < maxBatch && (item = queue.poll()) != null) {
            batch.add(item);
        }
        queued.addAndGet(-batch.size());
        try {
            if (!batch.isEmpty()) {
                consumer.accept(batch);
            }
        } finally {
            // After the consumer, so that batches stay in order even on a direct executor; in a finally, so that
            // a failing consumer does not strand the rest of the queue.
            if (!queue.isEmpty()) {
                scheduleDrain();
            }
        }
    }
}
