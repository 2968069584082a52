package org.natter.client.ui;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands the latest value of something (a state, a user list) to the UI thread: values set faster than the UI
 * applies them collapse into one update with the newest.
 */
public final class FxLatest<T> {

    private final AtomicReference<T> latest = new AtomicReference<>();
    private final Executor uiExecutor;
    private final Consumer<T> consumer;

    public FxLatest(Executor uiExecutor, Consumer<T> consumer) {
        this.uiExecutor = uiExecutor;
        this.consumer = consumer;
    }

    /** Any thread; {@code value} must not be null. */
    public void set(T value) {
        if (latest.getAndSet(value) == null) {
            uiExecutor.execute(() -> consumer.accept(latest.getAndSet(null)));
        }
    }
}
