package org.natter.common.protocol;

import java.time.Instant;

/**
 * {@code topic} (from the server): a room's topic changed.
 *
 * @param text the new topic; empty when it was cleared
 * @param by   who set it: a user's name, or {@code null} when the server's operator did
 */
public record TopicChanged(String room, String text, String by, Instant ts) implements ServerFrame {
}
