package org.natter.server.core.room;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's backpressure: how much chat traffic waits inside the server, and the senders whose reading is
 * paused while it is too much.
 *
 * <p>Why: the slow-consumer limit counts the bytes in one connection's outbound buffer, but under overload the
 * backlog piles up before that, where it sees nothing: messages queued for the sequencer (or waiting in the
 * {@link Outbox} for the store) and broadcasts queued as tasks on the I/O threads. Those queues grew without
 * bound (seconds of latency for everyone, nobody "too slow"). Here both are counted, and while either is past
 * its mark the server stops reading from each connection that sends a message (what it already read waits in
 * its handler, what it sends next in its socket, then in the client), until both are below half their marks. The server thus takes messages
 * at the rate it can deliver them, its queues and latency stay bounded, and everything it took is delivered in
 * order: nothing is dropped. A receiver that reads slower than the others still meets the outbound limit and is
 * disconnected as too slow.
 *
 * <p>Threads: the counters are atomic (messages are counted on the I/O thread that reads them and on the
 * sequencer, deliveries on the sequencer and the I/O threads); a sender is paused on its own I/O thread, and its
 * resume is called from whichever thread brings the backlog down (and hops back).
 */
public final class DeliveryBacklog {

    private final int maxMessages;
    private final long maxDeliveries;
    /** Messages handed to the sequencer and not yet taken, plus sends waiting in the outbox for the store. */
    private final AtomicInteger messages = new AtomicInteger();
    /** Deliveries (one broadcast to one member) queued on I/O threads and not yet written. */
    private final AtomicLong deliveries = new AtomicLong();
    /** How to resume each paused sender. */
    private final Queue<Runnable> paused = new ConcurrentLinkedQueue<>();
    private final AtomicInteger peakMessages = new AtomicInteger();
    private final AtomicLong peakDeliveries = new AtomicLong();
    private final AtomicLong pauses = new AtomicLong();

    /**
     * @param maxMessages   messages waiting for the sequencer or the store before senders are paused
     * @param maxDeliveries deliveries queued on the I/O threads before senders are paused
     */
    public DeliveryBacklog(int maxMessages, long maxDeliveries) {
        if (maxMessages < 1 || maxDeliveries < 1) {
            throw new IllegalArgumentException("The backlog marks must be positive.");
        }
        this.maxMessages = maxMessages;
        this.maxDeliveries = maxDeliveries;
    }

    /** No marks that a test would reach: for an outbox used without a server. */
    static DeliveryBacklog unbounded() {
        return new DeliveryBacklog(Integer.MAX_VALUE, Long.MAX_VALUE);
    }

    /** A message was handed over to the sequencer (or is waiting in the outbox). */
    public void messageQueued() {
        peakMessages.accumulateAndGet(messages.incrementAndGet(), Math::max);
    }

    /** A message counted by {@link #messageQueued} was taken up. */
    public void messageTaken() {
        if (messages.decrementAndGet() <= maxMessages / 2) {
            resumeIfCalm();
        }
    }

    void deliveriesQueued(int count) {
        peakDeliveries.accumulateAndGet(deliveries.addAndGet(count), Math::max);
    }

    void deliveriesDone(int count) {
        if (deliveries.addAndGet(-count) <= maxDeliveries / 2) {
            resumeIfCalm();
        }
    }

    /** True while either backlog is past its mark: a connection that sends a message now is paused. */
    public boolean overloaded() {
        return messages.get() > maxMessages || deliveries.get() > maxDeliveries;
    }

    /**
     * Registers a sender that has stopped reading (the caller turned its reading off and holds back the rest of
     * its last read): {@code resume} runs, on the thread that brings the backlog down, once it is below half its
     * marks; it must hop to the sender's own thread.
     */
    public void pause(Runnable resume) {
        paused.add(resume);
        pauses.incrementAndGet();
        // The backlog may have gone down between the caller's check and the add: then nobody else resumes it.
        resumeIfCalm();
    }

    private void resumeIfCalm() {
        if (paused.isEmpty() || messages.get() > maxMessages / 2 || deliveries.get() > maxDeliveries / 2) {
            return;
        }
        Runnable resume;
        while ((resume = paused.poll()) != null) {
            resume.run();
        }
    }

    /** The most messages that waited at once; for tests and the status of a benchmark. */
    public int peakMessages() {
        return peakMessages.get();
    }

    /** The most deliveries that were queued at once. */
    public long peakDeliveries() {
        return peakDeliveries.get();
    }

    /** How many times a sender was paused. */
    public long pauses() {
        return pauses.get();
    }
}
