package org.natter.server.ui;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.natter.common.protocol.FrameCodec;
import org.natter.common.protocol.LineReader;
import org.natter.common.protocol.ProtocolException;
import org.natter.common.protocol.ServerFrame;

/** A chat client made of a plain socket and JSON lines, as a person's client would be; reads wait a bounded time. */
final class TestClient implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);

    private final Socket socket = new Socket();
    private final OutputStream out;
    private final LineReader in;

    TestClient(int port) throws IOException {
        socket.connect(new InetSocketAddress("127.0.0.1", port), (int) WAIT.toMillis());
        socket.setSoTimeout((int) WAIT.toMillis());
        out = socket.getOutputStream();
        in = new LineReader(socket.getInputStream());
    }

    /** Sends one line, such as {@code {"type":"login","name":"alice"}}. */
    void sendLine(String json) throws IOException {
        out.write((json + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    void login(String name) throws IOException {
        sendLine("{\"type\":\"login\",\"name\":\"" + name + "\"}");
    }

    void say(String text) throws IOException {
        sendLine("{\"type\":\"say\",\"text\":\"" + text + "\"}");
    }

    /** The next frame of this type, skipping others; fails when none comes within {@link #WAIT}. */
    <T extends ServerFrame> T next(Class<T> type) throws IOException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                String line = in.readLine();
                if (line == null) {
                    throw new AssertionError("The server closed the connection before a " + type.getSimpleName());
                }
                ServerFrame frame = FrameCodec.decodeServerFrame(line);
                if (type.isInstance(frame)) {
                    return type.cast(frame);
                }
            } catch (SocketTimeoutException e) {
                break;
            } catch (ProtocolException e) {
                throw new AssertionError("The server sent a bad frame: " + e.getMessage(), e);
            }
        }
        throw new AssertionError("No " + type.getSimpleName() + " within " + WAIT.toSeconds() + " s");
    }

    /** True once the server has closed the connection (frames still in flight are skipped); false on timeout. */
    boolean closedByServer() throws IOException {
        try {
            while (in.readLine() != null) {
                // skip what was sent before the close
            }
            return true;
        } catch (SocketException e) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (ProtocolException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
