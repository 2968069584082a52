package org.natter.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.natter.client.net.ConnectionSettings;
import org.natter.client.net.ServerAddress;
import org.natter.client.net.trust.MemoryPinStore;
import org.natter.server.core.ChatServer;
import org.natter.server.core.ServerSettings;
import org.natter.server.core.security.PasswordHash;
import org.natter.server.core.security.ServerSecurity;
import org.natter.server.core.tls.ServerCertificate;

/** The terminal client against a real TLS server: the first-use question, --trust, a changed certificate, a password. */
class TerminalTrustTest {

    private static final ConnectionSettings FAST = ConnectionSettings.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
            .withBackoff(Duration.ofMillis(100), Duration.ofMillis(300), 0);
    private static final ServerCertificate CERTIFICATE = ServerCertificate.generate();

    private final ChatServer server = new ChatServer(ServerSettings.builder().port(0).build(),
            ServerSecurity.tls(CERTIFICATE, false, null));
    private final int port = server.start(0);
    private final ServerAddress address = new ServerAddress("127.0.0.1", port);
    private final MemoryPinStore pins = new MemoryPinStore();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        server.close();
    }

    private int run(String trust, String typed) {
        return TerminalChat.runEncrypted(address.toString(), "anna", trust, pins, new StringReader(typed),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), FAST);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theFirstConnectionShowsTheSafetyCodeAndYesPinsIt() {
        assertThat(run(null, "yes\n/quit\n")).isZero();
        assertThat(output()).contains(CERTIFICATE.safetyCode()).contains("Logged in as anna");
        assertThat(pins.pinned(address)).contains(CERTIFICATE.fingerprint());
    }

    @Test
    void noMeansNotConnected() {
        assertThat(run(null, "no\n")).isEqualTo(1);
        assertThat(output()).contains("not trusted");
        assertThat(pins.pinned(address)).isEmpty();
    }

    @Test
    void aChangedCertificateIsRefusedAndTrustTakesTheNewFingerprint() {
        pins.pin(address, ServerCertificate.generate().fingerprint());
        assertThat(run(null, "yes\n/quit\n")).isEqualTo(1);
        assertThat(output()).contains("WARNING").contains("--trust " + CERTIFICATE.fingerprint());

        assertThat(run(CERTIFICATE.fingerprint().replace(":", "").toLowerCase(), "/quit\n")).isZero();
        assertThat(pins.pinned(address)).contains(CERTIFICATE.fingerprint());
    }

    @Test
    void aPasswordIsAskedForWhenTheServerWantsOne() {
        server.setSecurity(server.security().withPassword(PasswordHash.create("s3cret")));
        assertThat(run(CERTIFICATE.fingerprint(), "s3cret\n/quit\n")).isZero();
        assertThat(output()).contains("Server password:").contains("Logged in as anna");
    }
}
