package org.natter.server.core.tls;

/**
 * What a connection must be encrypted with. The shipped apps run {@link #TLS_REQUIRED} (or {@link #TLS_OR_PLAIN}
 * when the operator allows plain text); {@link #PLAIN_ONLY} is what {@code ServerSettings.builder()} servers in tests
 * and embedded uses get by default, so that they need no certificate and no detection wait.
 */
public enum TransportSecurity {
    /** No TLS at all: every connection is plain text at once (no certificate, no wait). */
    PLAIN_ONLY,
    /** TLS 1.3; a plain-text connection is told {@code TLS_REQUIRED} and closed. */
    TLS_REQUIRED,
    /** TLS 1.3, and plain text for those who cannot (nc, scripts) when the operator allows it. */
    TLS_OR_PLAIN;

    public boolean usesTls() {
        return this != PLAIN_ONLY;
    }
}
