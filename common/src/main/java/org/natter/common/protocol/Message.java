package org.natter.common.protocol;

import java.time.Instant;

/**
 * {@code message}: a chat message delivered to every logged-in user. The sender's own copy carries the
 * {@code id} of its {@code say} as {@code re}.
 */
public record Message(long id, String from, String text, Instant ts, String re) implements ServerFrame {
}
