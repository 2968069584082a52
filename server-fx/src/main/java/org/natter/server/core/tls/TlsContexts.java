package org.natter.server.core.tls;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of TLS: TLS 1.3 only, with the server's own certificate. BoringSSL (netty-tcnative) where it
 * loads: its handshakes cost a fraction of the JDK's, and in a login storm over TLS the handshakes are the work;
 * the JDK's provider elsewhere (another platform, a library that does not load).
 */
public final class TlsContexts {

    public static final String PROTOCOL = "TLSv1.3";

    private static final Logger LOG = LoggerFactory.getLogger(TlsContexts.class);

    private TlsContexts() {
    }

    /** The provider the server's TLS uses; chosen and logged once. */
    public static SslProvider provider() {
        return Chosen.PROVIDER;
    }

    /** Builds the context once per certificate; it is then shared by every connection (thread-safe). */
    public static SslContext forServer(ServerCertificate certificate) {
        try {
            return SslContextBuilder.forServer(certificate.key(), certificate.certificate())
                    .sslProvider(provider())
                    .protocols(PROTOCOL)
                    .build();
        } catch (SSLException e) {
            throw new IllegalStateException("TLS 1.3 is not available in this Java", e);
        }
    }

    /** Chosen when first needed, once for the process (the class's initialisation is thread-safe). */
    private static final class Chosen {
        static final SslProvider PROVIDER = choose();

        private static SslProvider choose() {
            SslProvider provider = OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
            LOG.info("TLS 1.3 by {}", provider == SslProvider.OPENSSL ? OpenSsl.versionString() : "the JDK");
            return provider;
        }
    }
}
