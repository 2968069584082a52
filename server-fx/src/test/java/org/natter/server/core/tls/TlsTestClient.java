package org.natter.server.core.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.natter.common.protocol.ClientFrame;
import org.natter.common.protocol.FrameCodec;
import org.natter.common.protocol.LineReader;
import org.natter.common.protocol.ProtocolException;
import org.natter.common.protocol.ServerFrame;
import org.natter.common.security.Fingerprints;
import org.natter.server.core.RawClient;

/** A TLS 1.3 test client that trusts any certificate and keeps the one it saw; reads wait a bounded time. */
public final class TlsTestClient implements AutoCloseable {

    private final SSLSocket socket;
    private final OutputStream out;
    private final LineReader in;

    public TlsTestClient(int port) throws Exception {
        this((SSLSocket) context().getSocketFactory().createSocket("127.0.0.1", port));
    }

    /** TLS over a connection opened earlier, as a client does that sends its hello late. */
    public static TlsTestClient over(Socket plain) throws Exception {
        return new TlsTestClient((SSLSocket) context().getSocketFactory()
                .createSocket(plain, "127.0.0.1", plain.getPort(), true));
    }

    private static SSLContext context() throws Exception {
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(null, new TrustManager[] {new AnyCertificate()}, null);
        return context;
    }

    private TlsTestClient(SSLSocket socket) throws Exception {
        this.socket = socket;
        socket.setEnabledProtocols(new String[] {"TLSv1.3"});
        socket.setSoTimeout((int) RawClient.WAIT.toMillis());
        socket.startHandshake();
        out = socket.getOutputStream();
        in = new LineReader(socket.getInputStream());
    }

    public String protocol() {
        return socket.getSession().getProtocol();
    }

    public String fingerprint() throws Exception {
        return Fingerprints.of(socket.getSession().getPeerCertificates()[0].getEncoded());
    }

    public void send(ClientFrame frame) throws IOException {
        out.write(FrameCodec.encodeLine(frame));
        out.flush();
    }

    public ServerFrame next() throws IOException {
        try {
            String line = in.readLine();
            if (line == null) {
                throw new AssertionError("The server closed the connection");
            }
            return FrameCodec.decodeServerFrame(line);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("No frame from the server in time", e);
        } catch (ProtocolException e) {
            throw new AssertionError("The server sent a bad frame: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** The client under test pins; this one only needs the handshake to go through. */
    private static final class AnyCertificate implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

}
