package org.natter.client.net;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.natter.client.net.trust.ClientSecurity;
import org.natter.client.net.trust.TlsSockets;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.ClientFrame;
import org.natter.common.protocol.FrameCodec;
import org.natter.common.protocol.LineReader;
import org.natter.common.protocol.Ping;
import org.natter.common.protocol.ProtocolException;
import org.natter.common.protocol.ServerFrame;
import org.natter.common.protocol.Welcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One socket to the server: its reader thread, its writes (through the connection's single writer executor, so
 * frames never interleave) and the requests waiting for an answer on it. A reconnection makes a new link.
 *
 * <p><b>Threads:</b> the reader thread ({@code natter-client-reader-N}) owns the socket's input and calls
 * {@code onFrame} for every frame and {@code onEnd} once at the end; writes run on the connection's writer thread;
 * the map of waiting requests is concurrent, so any thread may send a request or answer one.
 */
final class ServerLink implements Link {

    private static final Logger LOG = LoggerFactory.getLogger(ServerLink.class);
    private static final AtomicLong REQUEST_IDS = new AtomicLong();

    private final CompletableFuture<Welcome> welcome = new CompletableFuture<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    private final Socket socket;
    private final OutputStream out;
    private final ExecutorService writer;
    private final Map<String, CompletableFuture<ServerFrame>> pending = new ConcurrentHashMap<>();
    /** Version 3's pages of names, put back together; the reader thread's alone. */
    private final NamePageAssembler pages = new NamePageAssembler();
    private final BiConsumer<Link, ServerFrame> onFrame;
    private final BiConsumer<Link, String> onEnd;
    private final Thread readerThread;
    /** The fingerprint of the server's certificate, or {@code null} over plain text. */
    private final String fingerprint;

    ServerLink(Socket socket, ExecutorService writer, String threadName,
               BiConsumer<Link, ServerFrame> onFrame, BiConsumer<Link, String> onEnd) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.writer = writer;
        this.onFrame = onFrame;
        this.onEnd = onEnd;
        this.readerThread = new Thread(this::readLoop, threadName);
        readerThread.setDaemon(true);
        this.fingerprint = socket instanceof SSLSocket tls ? TlsSockets.fingerprint(tls) : null;
    }

    /** The SHA-256 fingerprint of the server's certificate, or {@code null} on a plain-text link. */
    String fingerprint() {
        return fingerprint;
    }

    /** Opens a socket to {@code target}; the link's reader starts with {@link #start()}. */
    static ServerLink open(ServerAddress target, ConnectionSettings settings, ExecutorService writer, String threadName,
                           BiConsumer<Link, ServerFrame> onFrame, BiConsumer<Link, String> onEnd)
            throws ConnectionFailure {
        return open(target, settings, ClientSecurity.plain(), writer, threadName, onFrame, onEnd);
    }

    /**
     * As above, with TLS when {@code security} asks for it; the handshake is done when this returns. A server that
     * answered the hello in plain text is tried once more: a hello held up (a pause of this program) past the
     * server's half-second wait is taken for plain text there, and the second try comes with everything warm.
     */
    static ServerLink open(ServerAddress target, ConnectionSettings settings, ClientSecurity security,
                           ExecutorService writer, String threadName,
                           BiConsumer<Link, ServerFrame> onFrame, BiConsumer<Link, String> onEnd)
            throws ConnectionFailure {
        try {
            return openOnce(target, settings, security, writer, threadName, onFrame, onEnd);
        } catch (ConnectionFailure failure) {
            if (failure.kind() != ConnectionFailure.Kind.NO_TLS) {
                throw failure;
            }
            return openOnce(target, settings, security, writer, threadName, onFrame, onEnd);
        }
    }

    private static ServerLink openOnce(ServerAddress target, ConnectionSettings settings, ClientSecurity security,
                                       ExecutorService writer, String threadName,
                                       BiConsumer<Link, ServerFrame> onFrame, BiConsumer<Link, String> onEnd)
            throws ConnectionFailure {
        Socket socket = new Socket();
        try {
            if (security.usesTls()) {
                // Before connecting: the hello must follow the connection at once (see TlsSockets.prepare).
                TlsSockets.prepare();
            }
            socket.connect(new InetSocketAddress(target.host(), target.port()), (int) settings.connectTimeout().toMillis());
            socket.setTcpNoDelay(true);
            if (security.usesTls()) {
                socket.setSoTimeout((int) settings.replyTimeout().toMillis());
                socket = handshake(socket, target);
            }
            // Reads time out after this much silence, which is when the reader asks the server for a sign of life.
            socket.setSoTimeout((int) settings.silenceTimeout().toMillis());
            return new ServerLink(socket, writer, threadName, onFrame, onEnd);
        } catch (ConnectionFailure e) {
            closeQuietly(socket);
            throw e;
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Nothing was open.
            }
            ConnectionFailure.Kind kind = e instanceof UnknownHostException ? ConnectionFailure.Kind.UNKNOWN_HOST
                    : e instanceof SocketTimeoutException ? ConnectionFailure.Kind.TIMEOUT
                    : ConnectionFailure.Kind.UNREACHABLE;
            throw new ConnectionFailure(kind, null, "Cannot connect to " + target + ": " + e.getMessage(), e);
        }
    }

    private static Socket handshake(Socket plain, ServerAddress target) throws IOException, ConnectionFailure {
        try {
            return TlsSockets.handshake(plain, target.host(), target.port());
        } catch (SocketTimeoutException e) {
            throw new ConnectionFailure(ConnectionFailure.Kind.TIMEOUT, null,
                    target + " did not answer the encrypted greeting in time.", e);
        } catch (SSLException e) {
            // A plain-only (or old) Natter server answers a TLS hello with its welcome line.
            closeQuietly(plain);
            throw new ConnectionFailure(ConnectionFailure.Kind.NO_TLS, null,
                    target + " does not offer an encrypted connection: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing more to do.
        }
    }

    @Override
    public CompletableFuture<Welcome> welcome() {
        return welcome;
    }

    @Override
    public CompletableFuture<Void> ended() {
        return ended;
    }

    void start() {
        readerThread.start();
    }

    /** Queues the frame for writing; a failed write closes the socket, which ends the reader. */
    @Override
    public void write(ClientFrame frame) {
        byte[] bytes = FrameCodec.encodeLine(frame);
        try {
            writer.execute(() -> {
                try {
                    out.write(bytes);
                    out.flush();
                } catch (IOException e) {
                    LOG.debug("Writing to the server failed: {}", e.toString());
                    close();
                }
            });
        } catch (RejectedExecutionException e) {
            close();
        }
    }

    /** Sends the frame built with a fresh request id; the future completes with the frame that carries it as {@code re}. */
    @Override
    public CompletableFuture<ServerFrame> request(Function<String, ClientFrame> frame) {
        String id = "c" + REQUEST_IDS.incrementAndGet();
        CompletableFuture<ServerFrame> answer = new CompletableFuture<>();
        pending.put(id, answer);
        answer.whenComplete((reply, failure) -> pending.remove(id));
        write(frame.apply(id));
        return answer;
    }

    /** Completes the request this frame answers; false when none was waiting for it. */
    @Override
    public boolean answer(String re, ServerFrame frame) {
        CompletableFuture<ServerFrame> waiting = re == null ? null : pending.get(re);
        return waiting != null && waiting.complete(frame);
    }

    /** Closes the socket once everything queued so far is written, so that a last {@code quit} still goes out. */
    @Override
    public void closeAfterWrites() {
        try {
            writer.execute(() -> {
                try {
                    socket.shutdownOutput();
                } catch (IOException | UnsupportedOperationException e) {
                    close();
                }
            });
        } catch (RejectedExecutionException e) {
            close();
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("Closing the socket failed: {}", e.toString());
        }
    }

    private void readLoop() {
        String cause = "The server closed the connection.";
        try {
            LineReader reader = new LineReader(socket.getInputStream());
            int silentPeriods = 0;
            while (true) {
                String line;
                try {
                    line = reader.readLine();
                } catch (SocketTimeoutException e) {
                    // Silence: ask for a sign of life once, and give up if the next period is silent too.
                    if (++silentPeriods >= 2) {
                        cause = "The server stopped answering.";
                        break;
                    }
                    write(new Ping(null));
                    continue;
                } catch (ProtocolException e) {
                    LOG.warn("Skipped a line from the server: {}", e.getMessage());
                    continue;
                }
                if (line == null) {
                    break;
                }
                silentPeriods = 0;
                if (!line.isBlank()) {
                    decodeAndHandle(line);
                }
            }
        } catch (IOException e) {
            cause = e.getMessage() == null ? e.toString() : e.getMessage();
        } finally {
            close();
            ConnectionFailure lost = new ConnectionFailure(ConnectionFailure.Kind.LOST, cause);
            welcome.completeExceptionally(lost);
            pending.values().forEach(waiting -> waiting.completeExceptionally(lost));
            onEnd.accept(this, cause);
            ended.complete(null);
        }
    }

    private void decodeAndHandle(String line) {
        ServerFrame frame;
        try {
            frame = FrameCodec.decodeServerFrame(line);
        } catch (ProtocolException e) {
            if (!welcome.isDone()) {
                welcome.completeExceptionally(new ConnectionFailure(ConnectionFailure.Kind.NOT_A_CHAT_SERVER,
                        null, "The first line was not a Natter welcome: " + e.getMessage(), e));
                close();
            } else {
                LOG.warn("Ignored a frame from the server: {}", e.getMessage());
            }
            return;
        }
        if (!welcome.isDone() && frame instanceof ErrorReply error && error.code() == ErrorCode.TLS_REQUIRED) {
            // Instead of a welcome: this server takes encrypted connections only.
            welcome.completeExceptionally(new ConnectionFailure(ConnectionFailure.Kind.TLS_REQUIRED, error.code(),
                    error.message(), null));
            close();
            return;
        }
        List<ServerFrame> whole;
        try {
            whole = pages.take(frame);
        } catch (ProtocolException e) {
            // A list that never ends, or pages of nothing: the stream is not what the server meant to send.
            LOG.warn("Closed the connection: {}", e.getMessage());
            close();
            return;
        }
        for (ServerFrame next : whole) {
            handle(next);
        }
    }

    private void handle(ServerFrame frame) {
        try {
            onFrame.accept(this, frame);
        } catch (RuntimeException e) {
            LOG.error("Handling a {} frame failed", FrameCodec.wireName(frame), e);
        }
    }
}
