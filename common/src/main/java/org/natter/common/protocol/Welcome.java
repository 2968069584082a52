package org.natter.common.protocol;

/**
 * {@code welcome}: the first frame on every connection.
 *
 * @param password {@code true} when {@code login} needs a {@code password} field; absent ({@code null}) otherwise
 */
public record Welcome(String server, int version, String text, Boolean password) implements ServerFrame {

    /** A welcome of a server that needs no password. */
    public Welcome(String server, int version, String text) {
        this(server, version, text, null);
    }

    /** Whether the server asked for a password. */
    public boolean needsPassword() {
        return Boolean.TRUE.equals(password);
    }
}
