package org.natter.client.net.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.natter.client.net.ChatConnection;
import org.natter.client.net.ConnectionFailure;
import org.natter.client.net.ConnectionSettings;
import org.natter.client.net.ServerAddress;
import org.natter.common.protocol.LoginOk;
import org.natter.server.core.ChatServer;
import org.natter.server.core.ServerSettings;
import org.natter.server.core.security.PasswordHash;
import org.natter.server.core.security.ServerSecurity;
import org.natter.server.core.tls.ServerCertificate;

/** The client library over TLS against a real server on loopback: pinning on first use, changes, passwords. */
class ChatConnectionTlsTest {

    private static final ConnectionSettings FAST = ConnectionSettings.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
            .withBackoff(Duration.ofMillis(100), Duration.ofMillis(300), 0);

    private static ServerCertificate certificate;
    private static ServerCertificate otherCertificate;
    private static PasswordHash password;

    private final MemoryPinStore pins = new MemoryPinStore();
    private final List<ServerIdentity> asked = new CopyOnWriteArrayList<>();
    private volatile boolean answer = true;
    private final TrustDecider decider = identity -> {
        asked.add(identity);
        return CompletableFuture.completedFuture(answer);
    };
    private final List<ChatConnection> connections = new CopyOnWriteArrayList<>();
    private ChatServer server;
    private ServerAddress address;

    @BeforeAll
    static void makeCertificates() {
        certificate = ServerCertificate.generate();
        otherCertificate = ServerCertificate.generate();
        password = PasswordHash.create("s3cret");
    }

    private void start(ServerSecurity security) {
        server = new ChatServer(ServerSettings.builder().port(0).build(), security);
        address = new ServerAddress("127.0.0.1", server.start(0));
    }

    @AfterEach
    void stop() {
        connections.forEach(ChatConnection::close);
        server.close();
    }

    private ChatConnection connection(ClientSecurity security) {
        ChatConnection connection = new ChatConnection(FAST, security);
        connections.add(connection);
        return connection;
    }

    private LoginOk connect(String name) throws Exception {
        return connect(name, null);
    }

    private LoginOk connect(String name, String secret) throws Exception {
        return connection(ClientSecurity.tls(pins, decider)).connect(address, name, secret).get(10, TimeUnit.SECONDS);
    }

    private ConnectionFailure failure(String name, String secret, ClientSecurity security) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() ->
                connection(security).connect(address, name, secret).get(10, TimeUnit.SECONDS));
        assertThat(thrown).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ConnectionFailure.class);
        return (ConnectionFailure) thrown.getCause();
    }

    @Test
    void theFirstConnectionAsksAndPinsThenTheSameCertificateIsSilent() throws Exception {
        start(ServerSecurity.tls(certificate, false, null));
        assertThat(connect("ada").name()).isEqualTo("ada");
        assertThat(asked).singleElement().satisfies(identity -> {
            assertThat(identity.fingerprint()).isEqualTo(certificate.fingerprint());
            assertThat(identity.safetyCode()).isEqualTo(certificate.safetyCode());
            assertThat(identity.changed()).isFalse();
        });
        assertThat(pins.pinned(address)).contains(certificate.fingerprint());

        assertThat(connect("linus").name()).isEqualTo("linus");
        assertThat(asked).hasSize(1);
    }

    @Test
    void aRefusedCertificateIsNotPinnedAndNothingIsSent() {
        start(ServerSecurity.tls(certificate, false, null));
        answer = false;
        assertThat(failure("ada", null, ClientSecurity.tls(pins, decider)).kind()).isEqualTo(ConnectionFailure.Kind.NOT_TRUSTED);
        assertThat(pins.pinned(address)).isEmpty();
        assertThat(server.users()).isEmpty();
    }

    @Test
    void aChangedCertificateIsRefusedUntilTrusted() throws Exception {
        start(ServerSecurity.tls(certificate, false, null));
        pins.pin(address, otherCertificate.fingerprint());
        answer = false;
        assertThat(failure("ada", null, ClientSecurity.tls(pins, decider)).kind()).isEqualTo(ConnectionFailure.Kind.NOT_TRUSTED);
        assertThat(asked).singleElement().satisfies(identity -> {
            assertThat(identity.changed()).isTrue();
            assertThat(identity.pinnedFingerprint()).isEqualTo(otherCertificate.fingerprint());
        });
        assertThat(pins.pinned(address)).contains(otherCertificate.fingerprint());

        answer = true;
        assertThat(connect("ada").name()).isEqualTo("ada");
        assertThat(pins.pinned(address)).contains(certificate.fingerprint());
    }

    @Test
    void scriptsTrustExactlyTheFingerprintTheyAreGiven() throws Exception {
        start(ServerSecurity.tls(certificate, false, null));
        assertThat(failure("ada", null, ClientSecurity.tls(pins, TrustDecider.onlyFingerprint(otherCertificate.fingerprint())))
                .kind()).isEqualTo(ConnectionFailure.Kind.NOT_TRUSTED);
        assertThat(connection(ClientSecurity.tls(pins, TrustDecider.onlyFingerprint(certificate.fingerprint())))
                .connect(address, "ada").get(10, TimeUnit.SECONDS).name()).isEqualTo("ada");
    }

    @Test
    void aPlainClientIsToldTheServerNeedsTls() {
        start(ServerSecurity.tls(certificate, false, null));
        assertThat(failure("ada", null, ClientSecurity.plain()).kind()).isEqualTo(ConnectionFailure.Kind.TLS_REQUIRED);
    }

    @Test
    void aTlsClientIsToldAPlainOnlyServerHasNoTls() {
        start(ServerSecurity.plainOnly());
        assertThat(failure("ada", null, ClientSecurity.tls(pins, decider)).kind()).isEqualTo(ConnectionFailure.Kind.NO_TLS);
        assertThat(asked).isEmpty();
    }

    @Test
    void aPasswordServerWantsTheRightPassword() throws Exception {
        start(ServerSecurity.tls(certificate, false, password));
        pins.pin(address, certificate.fingerprint());
        assertThat(failure("ada", null, ClientSecurity.tls(pins, decider)).kind())
                .isEqualTo(ConnectionFailure.Kind.PASSWORD_NEEDED);
        assertThat(failure("ada", "wrong", ClientSecurity.tls(pins, decider)).kind())
                .isEqualTo(ConnectionFailure.Kind.BAD_PASSWORD);
        assertThat(connect("ada", "s3cret").name()).isEqualTo("ada");
        assertThat(asked).isEmpty();
    }

    @Test
    void thePlainLibraryDefaultStillWorksWithAServerThatAllowsPlainText() throws Exception {
        start(ServerSecurity.tls(certificate, true, null));
        ChatConnection plain = new ChatConnection(FAST);
        connections.add(plain);
        assertThat(plain.connect(address, "ada").get(10, TimeUnit.SECONDS).name()).isEqualTo("ada");
    }
}
