package org.natter.common.fx;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands the latest value of something (a state, a count, a user list) to the UI thread: values set faster than the
 * UI applies them collapse into one update with the newest, and at most one update is pending at a time.
 *
 * @param <T> the value type
 */
public final class FxLatest<T> {

    private final AtomicReference<T> latest = new AtomicReference<>();
    private final Executor uiExecutor;
    private final Consumer<T> consumer;

    /**
     * @param uiExecutor runs the updates: {@code Platform::runLater} in an app, {@code Runnable::run} in a test
     * @param consumer   gets the newest value on the UI executor
     */
    public FxLatest(Executor uiExecutor, Consumer<T> consumer) {
        this.uiExecutor = Objects.requireNonNull(uiExecutor, "uiExecutor");
        this.consumer = Objects.requireNonNull(consumer, "consumer");
    }

    /** Any thread; {@code value} must not be null. */
    public void set(T value) {
        if (latest.getAndSet(Objects.requireNonNull(value, "value")) == null) {
            uiExecutor.execute(() -> consumer.accept(latest.getAndSet(null)));
        }
    }
}
