package org.natter.server.core.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
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
        server = new ChatServer(ServerSettings.builder().port(0).build(),
                ServerSecurity.tls(certificate, plainAllowed, null));
        port = server.start(0);
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
        java.util.concurrent.BlockingQueue<ServerEvent> events = new java.util.concurrent.LinkedBlockingQueue<>();
        server.addListener(new ServerListener() {
            @Override
            public void onEvent(ServerEvent event) {
                events.add(event);
            }
        });
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
        ServerEvent event;
        do {
            event = events.poll(RawClient.WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } while (event != null && !(event instanceof ServerEvent.ClientError));
        assertThat(event).isInstanceOfSatisfying(ServerEvent.ClientError.class,
                error -> assertThat(error.code()).isEqualTo("TLS_REQUIRED"));
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
