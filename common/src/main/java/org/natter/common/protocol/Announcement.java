package org.natter.common.protocol;

import java.time.Instant;

/** {@code announcement}: a message from the server's operator to every logged-in user. */
public record Announcement(String text, Instant ts) implements ServerFrame {
}
