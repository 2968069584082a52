package org.natter.client.net.doctor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocket;
import org.natter.client.net.ServerAddress;
import org.natter.client.net.trust.PinStore;
import org.natter.client.net.trust.TlsSockets;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.FrameCodec;
import org.natter.common.protocol.ProtocolException;
import org.natter.common.protocol.ProtocolLimits;
import org.natter.common.protocol.SafeText;
import org.natter.common.protocol.ServerFrame;
import org.natter.common.protocol.Welcome;
import org.natter.common.security.Fingerprints;

/**
 * Finds out why a connection fails, one step at a time (the {@link Check}s), and says so in words a student
 * understands: "Natter Server is not running on that computer, or it uses another port" rather than "Connection
 * refused". It stops at the first step that fails, because the later ones depend on it.
 *
 * <p>It uses plain blocking sockets and blocks for up to the connect and greeting timeouts: call
 * {@link #examine} on a background thread (never the FX thread), or use {@link #examineInBackground}.
 */
public final class ConnectionDoctor {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration GREETING_TIMEOUT = Duration.ofSeconds(4);

    /** The first line is read up to this many bytes: a welcome is far shorter, and a stranger may send anything. */
    private static final int MAX_FIRST_LINE = ProtocolLimits.MAX_FRAME_BYTES;

    private final Duration connectTimeout;
    private final Duration greetingTimeout;
    private final boolean tls;
    private final PinStore pins;

    /** A doctor for plain-text connections (a client started with {@code --plain}, or a test). */
    public ConnectionDoctor() {
        this(CONNECT_TIMEOUT, GREETING_TIMEOUT, false, null);
    }

    /** A plain-text doctor with other time limits. */
    public ConnectionDoctor(Duration connectTimeout, Duration greetingTimeout) {
        this(connectTimeout, greetingTimeout, false, null);
    }

    /**
     * @param tls  whether the client connects with TLS, as the apps do; then the certificate is checked too
     * @param pins the certificates this computer trusts, or {@code null}
     */
    public ConnectionDoctor(Duration connectTimeout, Duration greetingTimeout, boolean tls, PinStore pins) {
        this.connectTimeout = connectTimeout;
        this.greetingTimeout = greetingTimeout;
        this.tls = tls;
        this.pins = pins;
    }

    /** As the apps connect: TLS, checked against {@code pins}. */
    public static ConnectionDoctor forTls(PinStore pins) {
        return new ConnectionDoctor(CONNECT_TIMEOUT, GREETING_TIMEOUT, true, pins);
    }

    /** {@link #examine} on {@code background}; {@code progress} runs there too, after each step. */
    public CompletableFuture<Diagnosis> examineInBackground(ServerAddress address, Consumer<Finding> progress,
            Executor background) {
        return CompletableFuture.supplyAsync(() -> examine(address, progress), background);
    }

    /** Runs the steps against {@code address}; blocks. {@code progress} gets each finding as it is made. */
    public Diagnosis examine(ServerAddress address, Consumer<Finding> progress) {
        List<Finding> findings = new ArrayList<>();
        Consumer<Finding> record = finding -> {
            findings.add(finding);
            progress.accept(finding);
        };
        InetAddress[] candidates = resolve(address, record);
        if (candidates.length > 0) {
            try (Socket socket = connect(address, candidates, record)) {
                if (socket != null && tls) {
                    greetSecurely(address, socket, candidates, record);
                } else if (socket != null) {
                    greet(address, socket, record);
                }
            } catch (IOException e) {
                // Closing a socket that is already broken; what matters was recorded.
            }
        }
        return new Diagnosis(findings);
    }

    private static InetAddress[] resolve(ServerAddress address, Consumer<Finding> record) {
        try {
            InetAddress[] all = InetAddress.getAllByName(address.host());
            record.accept(Finding.passed(Check.NAME, "name.ok", address.host(), all[0].getHostAddress()));
            return all;
        } catch (UnknownHostException e) {
            record.accept(Finding.failed(Check.NAME, "name.unknown", address.host()));
            return new InetAddress[0];
        }
    }

    private Socket connect(ServerAddress address, InetAddress[] candidates, Consumer<Finding> record) {
        IOException last = null;
        for (InetAddress candidate : candidates) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(candidate, address.port()), (int) connectTimeout.toMillis());
                record.accept(Finding.passed(Check.PORT, "port.ok", address.port()));
                return socket;
            } catch (IOException e) {
                last = e;
                closeQuietly(socket);
            }
        }
        String key;
        if (last instanceof ConnectException && !(last instanceof NoRouteToHostException)) {
            key = "port.refused";
        } else if (last instanceof SocketTimeoutException) {
            key = "port.timeout";
        } else if (last instanceof NoRouteToHostException) {
            key = "port.noRoute";
        } else {
            key = "port.other";
        }
        record.accept(Finding.failed(Check.PORT, key, address.host(), address.port()));
        return null;
    }

    /**
     * TLS first, as the apps connect. A server that answers the hello with text, or closes, may speak plain text
     * only: a second, plain connection tells that apart from a stranger on the port.
     */
    private void greetSecurely(ServerAddress address, Socket socket, InetAddress[] candidates, Consumer<Finding> record)
            throws IOException {
        socket.setSoTimeout((int) greetingTimeout.toMillis());
        SSLSocket secured;
        try {
            TlsSockets.prepare();
            secured = TlsSockets.handshake(socket, address.host(), address.port());
        } catch (SocketTimeoutException e) {
            record.accept(Finding.failed(Check.NATTER, "natter.silent", address.port()));
            return;
        } catch (IOException e) {
            try (Socket plain = new Socket()) {
                plain.connect(new InetSocketAddress(socket.getInetAddress(), address.port()), (int) connectTimeout.toMillis());
                Finding[] plainFindings = greetPlainly(address, plain);
                if (plainFindings.length > 0 && plainFindings[0].key().equals("natter.ok")) {
                    record.accept(Finding.failed(Check.SECURE, "secure.plainOnly", address.host()));
                } else {
                    for (Finding finding : plainFindings) {
                        record.accept(finding);
                    }
                }
            } catch (IOException again) {
                record.accept(Finding.failed(Check.SECURE, "secure.failed", address.host()));
            }
            return;
        }
        String shown = TlsSockets.fingerprint(secured);
        String pinned = pins == null ? null : pins.pinned(address).orElse(null);
        String code = Fingerprints.safetyCode(shown);
        if (pinned != null && !pinned.equals(shown)) {
            record.accept(Finding.failed(Check.SECURE, "secure.changed", code));
            return;
        }
        record.accept(Finding.passed(Check.SECURE, pinned == null ? "secure.new" : "secure.ok", code));
        greet(address, secured, record);
    }

    /** The findings of a plain-text greeting, collected rather than recorded. */
    private Finding[] greetPlainly(ServerAddress address, Socket socket) throws IOException {
        java.util.List<Finding> found = new java.util.ArrayList<>();
        greet(address, socket, found::add);
        return found.toArray(new Finding[0]);
    }

    private void greet(ServerAddress address, Socket socket, Consumer<Finding> record) throws IOException {
        socket.setSoTimeout((int) greetingTimeout.toMillis());
        byte[] line;
        try {
            line = firstLine(socket.getInputStream());
        } catch (SocketTimeoutException e) {
            record.accept(Finding.failed(Check.NATTER, "natter.silent", address.port()));
            return;
        }
        if (line.length == 0) {
            record.accept(Finding.failed(Check.NATTER, "natter.closed", address.port()));
            return;
        }
        String stranger = strangerKind(line);
        if (stranger != null) {
            record.accept(Finding.failed(Check.NATTER, stranger, address.port()));
            return;
        }
        ServerFrame frame;
        try {
            frame = FrameCodec.decodeServerFrame(new String(line, StandardCharsets.UTF_8).strip());
        } catch (ProtocolException e) {
            record.accept(Finding.failed(Check.NATTER, "natter.other", address.port()));
            return;
        }
        if (frame instanceof ErrorReply refusal) {
            record.accept(Finding.passed(Check.NATTER, "natter.refusing"));
            record.accept(admissionRefused(refusal));
            return;
        }
        if (!(frame instanceof Welcome welcome)) {
            record.accept(Finding.failed(Check.NATTER, "natter.other", address.port()));
            return;
        }
        record.accept(Finding.passed(Check.NATTER, "natter.ok", SafeText.escape(welcome.server())));
        if (welcome.version() < 1) {
            record.accept(Finding.failed(Check.VERSION, "version.bad", welcome.version()));
            return;
        }
        record.accept(Finding.passed(Check.VERSION, welcome.version() > ProtocolLimits.PROTOCOL_VERSION
                ? "version.newer" : "version.ok", welcome.version()));
        record.accept(Finding.passed(Check.ADMISSION, "admission.ok"));
    }

    private static Finding admissionRefused(ErrorReply refusal) {
        String words = SafeText.escape(refusal.message() == null ? "" : refusal.message());
        String key = switch (refusal.code()) {
            case SERVER_FULL -> "admission.full";
            case BANNED -> "admission.banned";
            case TOO_MANY_CONNECTIONS -> "admission.tooMany";
            case TLS_REQUIRED -> "admission.tlsRequired";
            default -> "admission.refused";
        };
        return Finding.failed(Check.ADMISSION, key, words);
    }

    /** A key naming what else answers on the port, from its first bytes, or null when it may be Natter. */
    private static String strangerKind(byte[] line) {
        if ((line[0] & 0xFF) == 0x16 || (line[0] & 0xFF) == 0x15) {
            return "natter.tls";
        }
        String start = new String(line, 0, Math.min(line.length, 8), StandardCharsets.ISO_8859_1);
        if (start.startsWith("HTTP/") || start.startsWith("<")) {
            return "natter.web";
        }
        if (start.startsWith("SSH-")) {
            return "natter.ssh";
        }
        return line[0] == '{' ? null : "natter.other";
    }

    /** The bytes up to the first line break (or the end, or the limit); empty when the server closed at once. */
    private static byte[] firstLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while (line.size() < MAX_FIRST_LINE && (b = in.read()) >= 0) {
            if (b == '\n') {
                break;
            }
            line.write(b);
        }
        return line.toByteArray();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing more to do with a socket that failed to connect
        }
    }
}
