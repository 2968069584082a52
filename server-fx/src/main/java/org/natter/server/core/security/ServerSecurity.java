package org.natter.server.core.security;

import io.netty.handler.ssl.SslContext;
import java.util.Objects;
import org.natter.server.core.tls.ServerCertificate;
import org.natter.server.core.tls.TlsContexts;
import org.natter.server.core.tls.TransportSecurity;

/**
 * How a server protects its connections: TLS or not (with its certificate), plain text allowed or not, and the
 * password, if any. Immutable; a change makes a new one ({@code ChatServer.setSecurity}), which new connections use.
 *
 * <p>{@link #plainOnly()} is the default of a {@code ChatServer} made in code (tests, embedding): no certificate to
 * make and no wait to detect TLS. The shipped apps (the admin window, {@code --headless}, the demo) use
 * {@link #tls} so that connections are encrypted unless the operator allows plain text.
 */
public final class ServerSecurity {

    private static final ServerSecurity PLAIN_ONLY = new ServerSecurity(TransportSecurity.PLAIN_ONLY, null, null, null);

    private final TransportSecurity transport;
    private final ServerCertificate certificate;
    private final PasswordHash password;
    private final SslContext tls;

    private ServerSecurity(TransportSecurity transport, ServerCertificate certificate, PasswordHash password,
                           SslContext tls) {
        this.transport = transport;
        this.certificate = certificate;
        this.password = password;
        this.tls = tls;
    }

    /** No encryption and no password. */
    public static ServerSecurity plainOnly() {
        return PLAIN_ONLY;
    }

    /**
     * TLS 1.3 with this certificate; plain-text connections too when {@code plainAllowed}. Builds the TLS context
     * (some milliseconds of work): not on the FX thread.
     *
     * @param password {@code null} for none
     */
    public static ServerSecurity tls(ServerCertificate certificate, boolean plainAllowed, PasswordHash password) {
        Objects.requireNonNull(certificate, "certificate");
        return new ServerSecurity(mode(plainAllowed), certificate, password, TlsContexts.forServer(certificate));
    }

    private static TransportSecurity mode(boolean plainAllowed) {
        return plainAllowed ? TransportSecurity.TLS_OR_PLAIN : TransportSecurity.TLS_REQUIRED;
    }

    public TransportSecurity transport() {
        return transport;
    }

    /** The certificate's SHA-256 fingerprint, or {@code null} without a certificate (plain text only). */
    public String fingerprint() {
        return certificate == null ? null : certificate.fingerprint();
    }

    /** The certificate, or {@code null} for {@link TransportSecurity#PLAIN_ONLY}. */
    public ServerCertificate certificate() {
        return certificate;
    }

    /** The TLS context built from the certificate (once), or {@code null} without TLS. */
    public SslContext tlsContext() {
        return tls;
    }

    /** The password's hash, or {@code null} when the server has none. */
    public PasswordHash password() {
        return password;
    }

    public boolean needsPassword() {
        return password != null;
    }

    public boolean plainAllowed() {
        return transport != TransportSecurity.TLS_REQUIRED;
    }

    /** Cheap: the TLS context is kept. */
    public ServerSecurity withPassword(PasswordHash newPassword) {
        return new ServerSecurity(transport, certificate, newPassword, tls);
    }

    /** Cheap: the TLS context is kept. Only for a TLS server: a plain-only one has nothing to allow. */
    public ServerSecurity withPlainAllowed(boolean allowed) {
        if (certificate == null) {
            return this;
        }
        return new ServerSecurity(mode(allowed), certificate, password, tls);
    }

    /** Builds a new TLS context: not on the FX thread. */
    public ServerSecurity withCertificate(ServerCertificate newCertificate) {
        return tls(newCertificate, plainAllowed(), password);
    }
}
