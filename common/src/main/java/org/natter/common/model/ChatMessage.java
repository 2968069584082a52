package org.natter.common.model;

import java.time.Instant;

/**
 * One chat message as delivered by the server.
 *
 * @param id   the server's number for it, increasing within one server run, across all rooms
 * @param from the sender's name
 * @param text the text, already validated by the server; empty in the operator's view of a direct message
 * @param ts   when the server accepted it
 * @param room the room it was said in, or {@code null} for a direct message
 * @param to   the recipient of a direct message, or {@code null}
 */
public record ChatMessage(long id, String from, String text, Instant ts, String room, String to) {

    /** A message without room or recipient. */
    public ChatMessage(long id, String from, String text, Instant ts) {
        this(id, from, text, ts, null, null);
    }

    public boolean isDirect() {
        return to != null;
    }
}
