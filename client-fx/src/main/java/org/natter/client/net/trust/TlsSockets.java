package org.natter.client.net.trust;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.natter.common.security.Fingerprints;

/**
 * Puts TLS 1.3 over a connected socket and reads the fingerprint of the certificate the server showed. It accepts
 * any certificate during the handshake on purpose: the caller then compares the fingerprint with the pin (see
 * {@link ClientSecurity}) before a single frame is read or written.
 */
public final class TlsSockets {

    public static final String PROTOCOL = "TLSv1.3";

    private TlsSockets() {
    }

    /** The socket after a finished handshake. Blocks for the handshake (the socket's read timeout applies). */
    public static SSLSocket handshake(Socket connected, String host, int port) throws IOException {
        SSLContext context;
        try {
            context = SSLContext.getInstance(PROTOCOL);
            context.init(null, new TrustManager[] {new PinnedLater()}, null);
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS 1.3 is not available in this Java", e);
        }
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(connected, host, port, true);
        socket.setEnabledProtocols(new String[] {PROTOCOL});
        socket.setUseClientMode(true);
        socket.startHandshake();
        return socket;
    }

    /** The fingerprint of the server's certificate on a socket after its handshake. */
    public static String fingerprint(SSLSocket socket) throws IOException {
        try {
            return Fingerprints.of(socket.getSession().getPeerCertificates()[0].getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IOException("The server's certificate cannot be read", e);
        }
    }

    /** Accepts the chain for now; the pin is checked on the fingerprint right after the handshake. */
    private static final class PinnedLater implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("A Natter client does not accept connections");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // Checked against the pin once the handshake is done.
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
