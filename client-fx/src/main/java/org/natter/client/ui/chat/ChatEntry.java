package org.natter.client.ui.chat;

import java.time.Instant;
import org.natter.client.ui.I18n;

/**
 * One line of the message pane: a chat message or an event. The list holds these records, never nodes.
 *
 * @param kind       what it is, which picks the cell's look
 * @param from       the sender's name; for events the user the event is about, or empty
 * @param text       the message text, or the event's sentence
 * @param ts         when it happened
 * @param mentionsMe the text names this user
 * @param note       for an {@link Kind#UNSENT} message, why it was not sent; otherwise empty
 * @param presence   for a {@link Kind#PRESENCE} line, who joined and left; otherwise {@code null}
 * @param id         the server's id of a message (ids grow in a conversation), or 0 for a line without one
 */
public record ChatEntry(Kind kind, String from, String text, Instant ts, boolean mentionsMe, String note,
                        Presence presence, long id) {

    public enum Kind {
        /** A message this user sent. */
        OWN,
        /** Someone else's message. */
        OTHER,
        /** A reconnection, a kick, the welcome: quiet information. */
        EVENT,
        /** A run of joins and leaves, told in one line. */
        PRESENCE,
        /** The operator's announcement. */
        ANNOUNCEMENT,
        /** Something went wrong: a lost connection, a kick. */
        WARNING,
        /** A message of this user's that the server refused or that could not be sent; it can be sent again. */
        UNSENT,
        /** A quiet marker between parts of the history: "Earlier messages", "Caught up: 3 messages". */
        DIVIDER,
        /** "New messages": above the first message that came while the user was elsewhere ({@link UnreadMarker}). */
        UNREAD
    }

    public ChatEntry {
        from = from == null ? "" : from;
        note = note == null ? "" : note;
        ts = ts == null ? Instant.now() : ts;
    }

    public ChatEntry(Kind kind, String from, String text, Instant ts, boolean mentionsMe) {
        this(kind, from, text, ts, mentionsMe, "", null, 0);
    }

    public ChatEntry(Kind kind, String from, String text, Instant ts, boolean mentionsMe, String note, Presence presence) {
        this(kind, from, text, ts, mentionsMe, note, presence, 0);
    }

    /** A message with the server's id. */
    public static ChatEntry message(Kind kind, String from, String text, Instant ts, boolean mentionsMe, long id) {
        return new ChatEntry(kind, from, text, ts, mentionsMe, "", null, id);
    }

    /** A quiet marker line with a text from the resource bundle. */
    public static ChatEntry divider(String text) {
        return new ChatEntry(Kind.DIVIDER, "", text, null, false);
    }

    /** The "New messages" line. */
    static ChatEntry unreadDivider() {
        return new ChatEntry(Kind.UNREAD, "", I18n.text("chat.unreadDivider"), null, false);
    }

    public static ChatEntry event(Kind kind, String about, String text, Instant ts) {
        return new ChatEntry(kind, about, text, ts, false);
    }

    static ChatEntry presence(Presence presence, Instant ts) {
        return new ChatEntry(Kind.PRESENCE, "", presence.describe(), ts, false, "", presence);
    }

    public static ChatEntry unsent(String from, String text, String why) {
        return new ChatEntry(Kind.UNSENT, from, text, Instant.now(), false, why, null);
    }

    public boolean isMessage() {
        return kind == Kind.OWN || kind == Kind.OTHER;
    }
}
