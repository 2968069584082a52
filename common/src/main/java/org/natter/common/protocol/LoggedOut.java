package org.natter.common.protocol;

/** {@code logged_out}: the answer to {@code logout}; the connection is a pending host again. */
public record LoggedOut(String re) implements ServerFrame {
}
