package org.natter.common.protocol;

import java.time.Instant;

/** {@code announcement}: a message from the server's operator, to everyone or ({@code room} set) to one room. */
public record Announcement(String text, String room, Instant ts) implements ServerFrame {

    /** An announcement to everyone. */
    public Announcement(String text, Instant ts) {
        this(text, null, ts);
    }
}
