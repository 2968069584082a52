package org.natter.server.core.room;

/**
 * The marks of the server's backpressure ({@link DeliveryBacklog}): past either, the server stops reading from the
 * connections that send messages until the backlog is below half of both. Documented in docs/PROTOCOL.md
 * ("Limits and timeouts").
 *
 * @param maxQueuedMessages   messages waiting for the chat's sequencer or for the store
 * @param maxQueuedDeliveries deliveries (one message to one receiver) queued on the I/O threads; at about a
 *                            microsecond each, the default is a tenth of a second of work, which bounds how long
 *                            a broadcast (or a {@code ping} on the same thread) waits in the server
 */
public record BacklogLimits(int maxQueuedMessages, int maxQueuedDeliveries) {

    public BacklogLimits {
        if (maxQueuedMessages < 2 || maxQueuedDeliveries < 2) {
            throw new IllegalArgumentException("The backlog limits must be at least 2.");
        }
    }

    /** 1,000 messages and 100,000 deliveries. */
    public static BacklogLimits defaults() {
        return new BacklogLimits(1_000, 100_000);
    }
}
