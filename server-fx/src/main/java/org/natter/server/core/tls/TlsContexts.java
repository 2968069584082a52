package org.natter.server.core.tls;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import javax.net.ssl.SSLException;

/** The server side of TLS: TLS 1.3 only, with the JDK's provider and the server's own certificate. */
public final class TlsContexts {

    public static final String PROTOCOL = "TLSv1.3";

    private TlsContexts() {
    }

    /** Builds the context once per certificate; it is then shared by every connection (thread-safe). */
    public static SslContext forServer(ServerCertificate certificate) {
        try {
            return SslContextBuilder.forServer(certificate.key(), certificate.certificate())
                    .sslProvider(SslProvider.JDK)
                    .protocols(PROTOCOL)
                    .build();
        } catch (SSLException e) {
            throw new IllegalStateException("TLS 1.3 is not available in this Java", e);
        }
    }
}
