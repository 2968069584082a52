package org.natter.server.core;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.natter.common.protocol.ClientFrame;
import org.natter.common.protocol.FrameCodec;
import org.natter.common.protocol.LineReader;
import org.natter.common.protocol.Login;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.ProtocolException;
import org.natter.common.protocol.Say;
import org.natter.common.protocol.ServerFrame;
import org.natter.common.protocol.Welcome;

/** A test client that speaks the protocol by hand over a real socket; every read waits a bounded time. */
public final class RawClient implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(10);

    private final Socket socket;
    private final OutputStream out;
    private final LineReader in;

    public RawClient(int port) throws IOException {
        this(port, 0);
    }

    /** @param receiveBuffer a small receive buffer makes a slow reader fill up sooner; 0 for the default */
    public RawClient(int port, int receiveBuffer) throws IOException {
        this(port, receiveBuffer, null);
    }

    /** A client from another loopback address (any 127.x.y.z), as if from another machine. */
    public static RawClient from(String localAddress, int port) throws IOException {
        return new RawClient(port, 0, localAddress);
    }

    private RawClient(int port, int receiveBuffer, String localAddress) throws IOException {
        socket = new Socket();
        if (localAddress != null) {
            socket.bind(new InetSocketAddress(localAddress, 0));
        }
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), (int) WAIT.toMillis());
        socket.setSoTimeout((int) WAIT.toMillis());
        out = socket.getOutputStream();
        in = new LineReader(socket.getInputStream());
    }

    public void send(ClientFrame frame) throws IOException {
        out.write(FrameCodec.encodeLine(frame));
        out.flush();
    }

    public void login(String name) throws IOException {
        send(new Login(null, name));
    }

    /**
     * A connection logged in as {@code name} (protocol version 1), its welcome and {@code login_ok} read.
     *
     * @param receiveBuffer a small receive buffer makes a slow reader fill up sooner; 0 for the default
     */
    public static RawClient loggedIn(int port, String name, int receiveBuffer) throws IOException {
        return new RawClient(port, receiveBuffer).welcomed().loggedInAs(name);
    }

    /** Reads the server's {@code welcome}, the first frame of every connection; returns this client. */
    public RawClient welcomed() throws IOException {
        next(Welcome.class);
        return this;
    }

    /** Logs in as {@code name} (protocol version 1) and waits for {@code login_ok}; returns this client. */
    public RawClient loggedInAs(String name) throws IOException {
        send(new Login(null, name));
        next(LoginOk.class);
        return this;
    }

    /** Logs in as {@code name} speaking protocol {@code version} and waits for {@code login_ok}. */
    public LoginOk logInAs(String name, int version) throws IOException {
        send(new Login(null, name, version));
        return next(LoginOk.class);
    }

    public void say(String text) throws IOException {
        send(new Say(null, text));
    }

    public void sendRaw(String text) throws IOException {
        sendRaw(text.getBytes(StandardCharsets.UTF_8));
    }

    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The next frame; fails the test when none comes within {@link #WAIT}. */
    public ServerFrame next() throws IOException {
        try {
            String line = in.readLine();
            if (line == null) {
                throw new AssertionError("The server closed the connection");
            }
            return FrameCodec.decodeServerFrame(line);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("No frame from the server within " + WAIT.toSeconds() + " s", e);
        } catch (ProtocolException e) {
            throw new AssertionError("The server sent a bad frame: " + e.getMessage(), e);
        }
    }

    /** The next frame of this type, skipping others (such as chat traffic meant for everyone). */
    public <T extends ServerFrame> T next(Class<T> type) throws IOException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            ServerFrame frame = next();
            if (type.isInstance(frame)) {
                return type.cast(frame);
            }
        }
        throw new AssertionError("No " + type.getSimpleName() + " within " + WAIT.toSeconds() + " s");
    }

    /** True once the server has closed the connection; frames still in flight are skipped. */
    public boolean closedByServer() throws IOException {
        try {
            while (true) {
                if (in.readLine() == null) {
                    return true;
                }
            }
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
