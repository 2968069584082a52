package org.natter.common.protocol;

import java.time.Instant;

/** {@code joined}: another user logged in. */
public record Joined(String name, Instant ts) implements ServerFrame {
}
