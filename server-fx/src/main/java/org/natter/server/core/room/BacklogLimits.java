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

    /**
     * 100 messages (a fifth of a second at 500 a second, far above a class's chat, so a healthy disk never holds
     * senders back; at 1,000 members a hundred messages are another 100,000 deliveries, so the two marks together
     * keep the I/O threads' queues near a fifth of a second of work) and 100,000 deliveries. Measured in
     * docs/PERFORMANCE.md (1,000 instead of 100 let pings wait up to 0.7 s instead of 0.3 s).
     */
    public static BacklogLimits defaults() {
        return new BacklogLimits(100, 100_000);
    }
}
