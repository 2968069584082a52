package org.natter.client.net;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to the {@link ClientListener}s on one event thread, in the order they were dispatched, so that
 * listeners never run on a reader, writer or caller thread and a slow listener cannot stall the socket.
 */
final class ListenerDispatch {

    private static final Logger LOG = LoggerFactory.getLogger(ListenerDispatch.class);

    private final List<ClientListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService thread;

    ListenerDispatch(ExecutorService thread) {
        this.thread = thread;
    }

    void add(ClientListener listener) {
        listeners.add(listener);
    }

    void remove(ClientListener listener) {
        listeners.remove(listener);
    }

    /** Any thread. After {@link #shutdown} events are dropped. */
    void dispatch(Consumer<ClientListener> event) {
        try {
            thread.execute(() -> {
                for (ClientListener listener : listeners) {
                    try {
                        event.accept(listener);
                    } catch (RuntimeException e) {
                        LOG.error("A connection listener failed", e);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("Event after close dropped");
        }
    }

    /** Events already dispatched are still delivered. */
    void shutdown() {
        thread.shutdown();
    }
}
