package org.natter.common.protocol;

/** {@code kicked}: an administrator removed this user; the server closes the connection right after. */
public record Kicked(String reason) implements ServerFrame {
}
