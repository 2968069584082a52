package org.natter.server.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.Login;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.Say;
import org.natter.common.protocol.ServerFrame;
import org.natter.common.protocol.Welcome;
import org.natter.server.core.ChatServer;
import org.natter.server.core.RawClient;
import org.natter.server.core.ServerSettings;
import org.natter.server.core.tls.ServerCertificate;
import org.natter.server.core.tls.TlsTestClient;

/** A server with a password, over real loopback sockets (each check costs the real half second of hashing). */
class ServerPasswordTest {

    private static ServerSecurity security;
    private ChatServer server;
    private int port;

    @BeforeAll
    static void makeSecurity() {
        security = ServerSecurity.tls(ServerCertificate.generate(), true, PasswordHash.create("open sesame"));
    }

    private void start() {
        server = new ChatServer(ServerSettings.builder().port(0).build(), security);
        port = server.start(0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theRightPasswordLogsInAndWhatWasSentBehindItFollows() throws Exception {
        start();
        try (TlsTestClient client = new TlsTestClient(port)) {
            Welcome welcome = (Welcome) client.next();
            assertThat(welcome.needsPassword()).isTrue();
            client.send(new Login("l", "Ada", 2, "open sesame"));
            client.send(new Say("s", "hello"));
            assertThat(client.next()).isInstanceOf(LoginOk.class);
            assertThat(nextOf(client, Message.class).text()).isEqualTo("hello");
        }
    }

    @Test
    void aWrongOrMissingPasswordIsRefusedWithBadPassword() throws Exception {
        start();
        try (TlsTestClient client = new TlsTestClient(port)) {
            client.next();
            client.send(new Login("l1", "Ada", 2, "open sesame?"));
            assertThat(errorCode(client.next())).isEqualTo(ErrorCode.BAD_PASSWORD);
            client.send(new Login("l2", "Ada", 2));
            assertThat(errorCode(client.next())).isEqualTo(ErrorCode.BAD_PASSWORD);
            // Refused before the chat saw the login at all.
            assertThat(server.users()).isEmpty();
            client.send(new Login("l3", "Ada", 2, "open sesame"));
            assertThat(client.next()).isInstanceOf(LoginOk.class);
            assertThat(server.users()).extracting(user -> user.name()).containsExactly("Ada");
        }
    }

    @Test
    void overPlainTextTheLoginIsRefusedWithTlsRequired() throws IOException {
        start();
        try (RawClient client = new RawClient(port)) {
            client.send(new Login("l", "Ada", 2, "open sesame"));
            assertThat(client.next()).isInstanceOf(Welcome.class);
            assertThat(errorCode(client.next())).isEqualTo(ErrorCode.TLS_REQUIRED);
        }
    }

    @Test
    void repeatedWrongPasswordsFromOneAddressAreSlowedDown() throws Exception {
        start();
        try (TlsTestClient client = new TlsTestClient(port)) {
            client.next();
            for (int i = 0; i < PasswordThrottle.MAX_TRIES; i++) {
                client.send(new Login("w" + i, "Ada", 2, "guess " + i));
                assertThat(errorCode(client.next())).isEqualTo(ErrorCode.BAD_PASSWORD);
            }
            client.send(new Login("r", "Ada", 2, "open sesame"));
            ServerFrame slowed = client.next();
            assertThat(slowed).isInstanceOfSatisfying(ErrorReply.class, error -> {
                assertThat(error.code()).isEqualTo(ErrorCode.BAD_PASSWORD);
                assertThat(error.message()).contains("Too many wrong passwords");
            });
        }
    }

    private static ErrorCode errorCode(ServerFrame frame) {
        assertThat(frame).isInstanceOf(ErrorReply.class);
        return ((ErrorReply) frame).code();
    }

    private static <T extends ServerFrame> T nextOf(TlsTestClient client, Class<T> type) throws IOException {
        for (int i = 0; i < 20; i++) {
            ServerFrame frame = client.next();
            if (type.isInstance(frame)) {
                return type.cast(frame);
            }
        }
        throw new AssertionError("No " + type.getSimpleName());
    }
}
