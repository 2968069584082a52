package org.natter.common.protocol;

/** {@code parted}: your {@code part} was done; you no longer receive that room's traffic. */
public record Parted(String re, String room) implements ServerFrame {
}
