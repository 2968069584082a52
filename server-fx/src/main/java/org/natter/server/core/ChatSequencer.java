package org.natter.server.core;

import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The chat's one thread of order: an I/O thread chosen at start. Tasks run first in, first out, so the order in
 * which it runs them is the order of the chat (see {@link SessionRegistry}).
 */
final class ChatSequencer {

    private static final long CALL_TIMEOUT_SECONDS = 10;

    private final EventExecutor executor;

    ChatSequencer(EventExecutor executor) {
        this.executor = executor;
    }

    /** Hands a task over; dropped once the server is stopping (its connections are being closed anyway). */
    void execute(Runnable change) {
        try {
            executor.execute(change);
        } catch (RejectedExecutionException e) {
            // The server is stopping: its I/O threads take no more work, and every connection is being closed.
        }
    }

    /**
     * Runs a task and waits for its result (at once when called on the sequencer itself).
     *
     * @throws IllegalStateException when the sequencer does not answer in time (the server is stopping)
     */
    <T> T call(Callable<T> change) {
        if (executor.inEventLoop()) {
            try {
                return change.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return executor.submit(change).get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the chat", e);
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("The chat did not answer: the server is stopping", e);
        }
    }
}
