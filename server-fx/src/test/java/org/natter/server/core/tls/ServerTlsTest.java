package org.natter.server.core.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.natter.common.model.ServerEvent;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.Login;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.ServerFrame;
import org.natter.common.protocol.Welcome;
import org.natter.server.core.ChatServer;
import org.natter.server.core.RawClient;
import org.natter.server.core.ServerListener;
import org.natter.server.core.ServerSettings;
import org.natter.server.core.moderation.AddressLimits;
import org.natter.server.core.security.ServerSecurity;

/** TLS and plain text on one port, over real loopback sockets. */
class ServerTlsTest {

    private static ServerCertificate certificate;
    private ChatServer server;
    private int port;

    @BeforeAll
    static void makeCertificate() {
        certificate = ServerCertificate.generate();
    }

    private void start(boolean plainAllowed) {
        start(plainAllowed, ServerSettings.builder().port(0).build());
    }

    private void start(boolean plainAllowed, ServerSettings settings) {
        server = new ChatServer(settings, ServerSecurity.tls(certificate, plainAllowed, null));
        port = server.start(0);
    }

    /** Every event the server publishes from now on, in order. */
    private BlockingQueue<ServerEvent> events() {
        BlockingQueue<ServerEvent> events = new LinkedBlockingQueue<>();
        server.addListener(new ServerListener() {
            @Override
            public void onEvent(ServerEvent event) {
                events.add(event);
            }
        });
        return events;
    }

    /** The next event of this type, skipping others; null if none comes in time. */
    private static <T extends ServerEvent> T next(BlockingQueue<ServerEvent> events, Class<T> type) throws InterruptedException {
        ServerEvent event;
        do {
            event = events.poll(RawClient.WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } while (event != null && !type.isInstance(event));
        return type.cast(event);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void tlsClientNegotiatesTls13SeesTheServersCertificateAndChats() throws Exception {
        start(false);
        try (TlsTestClient client = new TlsTestClient(port)) {
            assertThat(client.protocol()).isEqualTo("TLSv1.3");
            assertThat(client.fingerprint()).isEqualTo(certificate.fingerprint());
            assertThat(client.next()).isInstanceOf(Welcome.class);
            client.send(new Login("l", "Ada", 2));
            assertThat(client.next()).isInstanceOf(LoginOk.class);
        }
    }

    @Test
    void plainClientThatSpeaksFirstIsToldTlsIsRequiredAndClosed() throws IOException {
        start(false);
        try (RawClient client = new RawClient(port)) {
            client.send(new Login("l", "Ada"));
            ServerFrame reply = client.next();
            assertThat(reply).isInstanceOfSatisfying(ErrorReply.class,
                    error -> assertThat(error.code()).isEqualTo(ErrorCode.TLS_REQUIRED));
            assertThat(client.closedByServer()).isTrue();
        }
        assertThat(server.users()).isEmpty();
    }

    @Test
    void silentPlainClientIsToldTlsIsRequiredAfterTheWait() throws Exception {
        start(false);
        BlockingQueue<ServerEvent> events = events();
        long started = System.nanoTime();
        try (RawClient client = new RawClient(port)) {
            ServerFrame reply = client.next();
            assertThat(reply).isInstanceOfSatisfying(ErrorReply.class,
                    error -> assertThat(error.code()).isEqualTo(ErrorCode.TLS_REQUIRED));
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isGreaterThanOrEqualTo(PlainOrTlsDetector.PLAIN_WAIT.minusMillis(50));
            assertThat(client.closedByServer()).isTrue();
        }
        assertThat(server.pendingHosts()).isEmpty();
        assertThat(next(events, ServerEvent.ClientError.class).code()).isEqualTo("TLS_REQUIRED");
    }

    @Test
    void inAStormOfConnectionsATlsHelloSentLongAfterConnectingStillGetsTls() throws Exception {
        start(false, ServerSettings.builder().port(0).addressLimits(AddressLimits.generous()).build());
        List<Socket> storm = new ArrayList<>();
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        try (Socket plain = new Socket()) {
            // Connections that have not said hello yet, as in a storm of logins on a busy machine.
            for (int i = 0; i < SilentConnections.STORM; i++) {
                Socket silent = new Socket();
                storm.add(silent);
                silent.connect(new InetSocketAddress("127.0.0.1", port), (int) RawClient.WAIT.toMillis());
            }
            plain.connect(new InetSocketAddress("127.0.0.1", port), (int) RawClient.WAIT.toMillis());
            // A client too busy to say hello for three times the quiet wait.
            Future<TlsTestClient> late = later.schedule(() -> TlsTestClient.over(plain),
                    PlainOrTlsDetector.PLAIN_WAIT.multipliedBy(3).toMillis(), TimeUnit.MILLISECONDS);
            try (TlsTestClient client = late.get(RawClient.WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                assertThat(client.protocol()).isEqualTo("TLSv1.3");
                assertThat(client.next()).isInstanceOf(Welcome.class);
                client.send(new Login("l", "Ada", 2));
                assertThat(client.next()).isInstanceOf(LoginOk.class);
            }
        } finally {
            later.shutdownNow();
            for (Socket socket : storm) {
                socket.close();
            }
        }
    }

    @Test
    void tlsHelloAfterThePlainWelcomeIsClosedWithoutAWordAndReportedWhenPlainTextIsAllowed() throws Exception {
        start(true);
        BlockingQueue<ServerEvent> events = events();
        try (RawClient client = new RawClient(port)) {
            // Silent past the wait: served in plain text.
            assertThat(client.next()).isInstanceOf(Welcome.class);
            // Then the start of a TLS hello: a handshake record of TLS 1.0's header, as every TLS 1.3 hello begins.
            client.sendRaw(new byte[] {0x16, 0x03, 0x01, 0x00, 0x04, 0x01, 0x00, 0x00, 0x00});
            assertThatThrownBy(client::next).hasMessageContaining("closed the connection");
        }
        ServerEvent.ClientError reported = next(events, ServerEvent.ClientError.class);
        assertThat(reported.code()).isEqualTo(PlainOrTlsDetector.LATE_HELLO);
        assertThat(reported.message()).contains("taken for plain text");
        // The chat had seen the connection (it sent welcome): it sees its end too, and forgets the pending host.
        assertThat(next(events, ServerEvent.HostClosed.class)).isNotNull();
    }

    @Test
    void plainClientIsServedWhenPlainTextIsAllowed() throws Exception {
        start(true);
        try (RawClient speaksFirst = new RawClient(port); RawClient silent = new RawClient(port)) {
            speaksFirst.send(new Login("l", "Ada"));
            assertThat(speaksFirst.next()).isInstanceOf(Welcome.class);
            assertThat(speaksFirst.next()).isInstanceOf(LoginOk.class);
            assertThat(silent.next()).isInstanceOf(Welcome.class);
            silent.send(new Login("l", "Linus"));
            assertThat(silent.next(LoginOk.class).name()).isEqualTo("Linus");
        }
        try (TlsTestClient encrypted = new TlsTestClient(port)) {
            assertThat(encrypted.protocol()).isEqualTo("TLSv1.3");
            assertThat(encrypted.next()).isInstanceOf(Welcome.class);
        }
    }

    @Test
    void newConnectionsFollowAChangedSecurity() throws Exception {
        start(false);
        server.setSecurity(server.security().withPlainAllowed(true));
        try (RawClient client = new RawClient(port)) {
            assertThat(client.next()).isInstanceOf(Welcome.class);
        }
    }
}
