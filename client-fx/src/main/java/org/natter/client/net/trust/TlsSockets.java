package org.natter.client.net.trust;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.nio.ByteBuffer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
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

    /**
     * Makes TLS ready before a socket is opened: the first handshake of a program loads and seeds a good deal, and a
     * Natter server that has not seen a TLS hello half a second after the connection opened takes it for plain text.
     * Blocks the first time (a few hundred milliseconds on a slow machine); call it off the FX thread.
     */
    public static void prepare() throws IOException {
        Ready.context();
    }

    /** The socket after a finished handshake. Blocks for the handshake (the socket's read timeout applies). */
    public static SSLSocket handshake(Socket connected, String host, int port) throws IOException {
        SSLSocket socket = (SSLSocket) Ready.context().getSocketFactory().createSocket(connected, host, port, true);
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

    /** One context for the program, made and warmed up on first use. */
    private static final class Ready {
        private static volatile SSLContext context;

        static SSLContext context() throws IOException {
            SSLContext ready = context;
            if (ready == null) {
                synchronized (Ready.class) {
                    ready = context;
                    if (ready == null) {
                        ready = warmedUp();
                        context = ready;
                    }
                }
            }
            return ready;
        }

        private static SSLContext warmedUp() throws IOException {
            try {
                SSLContext made = SSLContext.getInstance(PROTOCOL);
                made.init(null, new TrustManager[] {new PinnedLater()}, null);
                // Writing one client hello into memory loads the handshake's classes and makes its first key share.
                SSLEngine engine = made.createSSLEngine();
                engine.setUseClientMode(true);
                engine.setEnabledProtocols(new String[] {PROTOCOL});
                engine.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(engine.getSession().getPacketBufferSize()));
                engine.closeOutbound();
                return made;
            } catch (GeneralSecurityException e) {
                throw new IOException("TLS 1.3 is not available in this Java", e);
            }
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
