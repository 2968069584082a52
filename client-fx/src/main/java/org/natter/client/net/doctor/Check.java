package org.natter.client.net.doctor;

/** The steps of a connection, in the order the {@link ConnectionDoctor} checks them. */
public enum Check {
    /** The server's name turns into an address. */
    NAME,
    /** Something accepts a TCP connection on the port. */
    PORT,
    /** The connection is encrypted, with the certificate this computer trusts (or one it has not met yet). */
    SECURE,
    /** What answers is a Natter server: a {@code welcome} arrives. */
    NATTER,
    /** The server speaks a protocol version this client understands. */
    VERSION,
    /** The server takes this connection (not full, this computer not banned or over its limit). */
    ADMISSION
}
