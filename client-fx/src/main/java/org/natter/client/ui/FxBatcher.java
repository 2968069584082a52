package org.natter.client.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Hands items from any thread to the UI thread in batches, so that a burst of thousands of messages costs a handful
 * of UI updates: producers offer to a concurrent queue, at most one drain is pending on the UI executor, and each
 * drain passes everything queued so far to the consumer in one list.
 */
public final class FxBatcher<T> {

    private final Queue<T> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainPending = new AtomicBoolean();
    private final Executor uiExecutor;
    private final Consumer<List<T>> consumer;

    public FxBatcher(Executor uiExecutor, Consumer<List<T>> consumer) {
        this.uiExecutor = uiExecutor;
        this.consumer = consumer;
    }

    /** Any thread. */
    public void offer(T item) {
        queue.offer(item);
        if (drainPending.compareAndSet(false, true)) {
            uiExecutor.execute(this::drain);
        }
    }

    private void drain() {
        // Cleared before polling: an item offered during the drain either is polled now or schedules the next one.
        drainPending.set(false);
        List<T> batch = new ArrayList<>();
        for (T item; (item = queue.poll()) != null; ) {
            batch.add(item);
        }
        if (!batch.isEmpty()) {
            consumer.accept(batch);
        }
    }
}
