package org.natter.common.protocol;

import java.time.Instant;

/** {@code joined}: another user entered {@code room} (at login: {@code general}). */
public record Joined(String name, String room, Instant ts) implements ServerFrame {

    /** A join without a room, as a version-1 server sends it. */
    public Joined(String name, Instant ts) {
        this(name, null, ts);
    }
}
