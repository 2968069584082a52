package org.natter.server.core;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.natter.common.model.ServerEvent;
import org.natter.common.model.ServerState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands server events to the listeners and to the log, on one thread of its own ({@value #THREAD_NAME}).
 *
 * <p>Why a thread: events are raised on Netty I/O threads and on the chat sequencer, which must never block,
 * while listeners and the log file do I/O. {@link #publish} only offers the event to a bounded queue; the
 * dispatcher thread takes them in order and calls each listener in turn. When the queue is full (a listener far
 * too slow), events are dropped and counted rather than slowing the chat; the count goes to the log. A listener
 * that throws cannot hurt the server or the other listeners.
 */
final class ServerEvents implements AutoCloseable {

    static final String THREAD_NAME = "natter-events";

    /** Events waiting for the listeners at most; at 1,000 messages/s this is a minute of a stalled listener. */
    static final int QUEUE_CAPACITY = 65_536;

    private static final Logger LOG = LoggerFactory.getLogger("org.natter.server.events");

    private final List<ServerListener> listeners = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Runnable> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread dispatcher;
    private volatile boolean closed;

    ServerEvents() {
        dispatcher = new Thread(this::dispatch, THREAD_NAME);
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    void add(ServerListener listener) {
        listeners.add(listener);
    }

    void remove(ServerListener listener) {
        listeners.remove(listener);
    }

    /** Queues a state change for the listeners; never blocks. */
    void stateChanged(ServerState state) {
        offer(() -> {
            LOG.debug("state {}", state);
            for (ServerListener listener : listeners) {
                try {
                    listener.stateChanged(state);
                } catch (RuntimeException e) {
                    LOG.warn("A server listener failed on state {}", state, e);
                }
            }
        });
    }

    /** Queues an event for the log and the listeners; never blocks. */
    void publish(ServerEvent event) {
        offer(() -> {
            ServerEventLog.log(event);
            for (ServerListener listener : listeners) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    LOG.warn("A server listener failed on {}", event.getClass().getSimpleName(), e);
                }
            }
        });
    }

    /**
     * Waits until every event queued before this call has reached the listeners. For the lifecycle thread
     * (so that {@code stop()} returns after {@code Stopped} was seen) and for tests; never call it on an I/O
     * thread or from a listener.
     *
     * @return false when the wait timed out
     */
    boolean awaitDelivered(long timeout, TimeUnit unit) throws InterruptedException {
        if (Thread.currentThread() == dispatcher || closed) {
            return true;
        }
        CountDownLatch done = new CountDownLatch(1);
        if (!queue.offer(done::countDown, timeout, unit)) {
            return false;
        }
        return done.await(timeout, unit);
    }

    /** Events dropped so far because the listeners did not keep up. */
    long dropped() {
        return dropped.get();
    }

    /** Delivers what is queued, then ends the dispatcher thread. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        offer(() -> closed = true);
        try {
            dispatcher.join(TimeUnit.SECONDS.toMillis(5));
            dispatcher.interrupt();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed = true;
    }

    private void offer(Runnable delivery) {
        if (!queue.offer(delivery)) {
            dropped.incrementAndGet();
        }
    }

    private void dispatch() {
        long reportedDrops = 0;
        while (!closed) {
            Runnable next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            long drops = dropped.get();
            if (drops != reportedDrops) {
                LOG.warn("{} server events were dropped: a listener did not keep up", drops - reportedDrops);
                reportedDrops = drops;
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                LOG.warn("Delivering a server event failed", e);
            }
        }
    }
}
