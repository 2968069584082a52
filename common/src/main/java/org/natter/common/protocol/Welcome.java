package org.natter.common.protocol;

/** {@code welcome}: the first frame on every connection. */
public record Welcome(String server, int version, String text) implements ServerFrame {
}
