package org.natter.server.core.room;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Everything the chat's sequencer sends, held back in its order until the messages before it are stored.
 *
 * <p>Why: an acknowledgement means stored, so a message is delivered only once the store has committed it;
 * and nothing the sequencer decided after that message (a leave, a join, a reply) may overtake it. Sends that
 * depend on no commit run at once while nothing waits; otherwise they queue behind what waits. The store reports
 * commits in id order, and each report releases the head of the queue up to that id.
 *
 * <p>Owned by the sequencer: every method runs there; no locking.
 */
public final class Outbox {

    private record Entry(long commitId, Runnable send) {
    }

    private final Deque<Entry> waiting = new ArrayDeque<>();
    private final DeliveryBacklog backlog;
    private long committed;
    private boolean draining;
    private Runnable barrier = () -> { };

    /** @param committedSoFar the highest id already stored when the run starts */
    public Outbox(long committedSoFar) {
        this(committedSoFar, DeliveryBacklog.unbounded());
    }

    /**
     * @param backlog counts what waits here (for the store) and what the broadcasts queue on the I/O threads, so
     *                that senders are paused while it is too much
     */
    public Outbox(long committedSoFar, DeliveryBacklog backlog) {
        this.committed = committedSoFar;
        this.backlog = backlog;
    }

    /** The server's backpressure, which {@link FanOut} tells about the deliveries it queues. */
    public DeliveryBacklog backlog() {
        return backlog;
    }

    /**
     * What must go out before any broadcast: the pending presence batch, so that nothing overtakes the logins
     * and leaves it reports.
     */
    public void setBarrier(Runnable beforeBroadcast) {
        barrier = beforeBroadcast;
    }

    /** Runs the barrier; {@link FanOut} calls it before each broadcast except the presence traffic itself. */
    public void beforeBroadcast() {
        barrier.run();
    }

    /** Runs a send now, or after everything that waits before it. */
    public void send(Runnable send) {
        if (draining || waiting.isEmpty()) {
            send.run();
        } else {
            enqueue(new Entry(0, send));
        }
    }

    /** Runs a send once message {@code id} (and everything before it) is stored, in order with the rest. */
    public void afterCommit(long id, Runnable send) {
        if (id <= committed && (draining || waiting.isEmpty())) {
            send.run();
        } else {
            enqueue(new Entry(id, send));
        }
    }

    /** The store committed every message up to {@code id}: release what waited for it. */
    public void committed(long id) {
        committed = Math.max(committed, id);
        draining = true;
        try {
            while (!waiting.isEmpty() && waiting.peek().commitId() <= committed) {
                backlog.messageTaken();
                waiting.poll().send().run();
            }
        } finally {
            draining = false;
        }
    }

    private void enqueue(Entry entry) {
        backlog.messageQueued();
        waiting.add(entry);
    }

    /** Sends waiting for a commit; for the status line and tests. */
    public int waiting() {
        return waiting.size();
    }
}
