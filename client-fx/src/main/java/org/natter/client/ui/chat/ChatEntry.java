package org.natter.client.ui.chat;

import java.time.Instant;

/**
 * One line of the message pane: a chat message or an event. The list holds these records, never nodes.
 *
 * @param kind       what it is, which picks the cell's look
 * @param from       the sender's name; for events the user the event is about, or empty
 * @param text       the message text, or the event's sentence
 * @param ts         when it happened
 * @param mentionsMe the text names this user
 */
public record ChatEntry(Kind kind, String from, String text, Instant ts, boolean mentionsMe) {

    public enum Kind {
        /** A message this user sent. */
        OWN,
        /** Someone else's message. */
        OTHER,
        /** A join, a leave, a reconnection: quiet information. */
        EVENT,
        /** The operator's announcement. */
        ANNOUNCEMENT,
        /** Something went wrong: a lost connection, a refused message, a kick. */
        WARNING
    }

    public static ChatEntry event(Kind kind, String about, String text, Instant ts) {
        return new ChatEntry(kind, about == null ? "" : about, text, ts == null ? Instant.now() : ts, false);
    }

    public boolean isMessage() {
        return kind == Kind.OWN || kind == Kind.OTHER;
    }
}
