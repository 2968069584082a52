package org.natter.common.protocol;

import java.time.Instant;

/**
 * {@code message}: a chat message, to the members of {@code room} or, with {@code to}, a direct message to one
 * user (and the sender's own copy). The sender's own copy carries the {@code id} of its {@code say} as
 * {@code re}.
 *
 * @param room the room it was said in; {@code null} for a direct message
 * @param to   the recipient of a direct message; {@code null} for a room message
 */
public record Message(long id, String from, String text, Instant ts, String re, String room, String to)
        implements ServerFrame {

    /** A message without room or recipient, as a version-1 server sends it. */
    public Message(long id, String from, String text, Instant ts, String re) {
        this(id, from, text, ts, re, null, null);
    }

    public boolean isDirect() {
        return to != null;
    }
}
