package org.natter.server.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.natter.server.core.ChatServer;
import org.natter.server.core.ServerSettings;
import org.natter.server.core.security.ServerSecurity;
import org.natter.server.core.tls.ServerCertificate;

/** The admin window's security settings, with direct executors and a real server and data directory. */
class SecurityViewModelTest {

    private static final Executor DIRECT = Runnable::run;

    @TempDir
    Path dataDir;

    private ChatServer server;

    private SecurityViewModel viewModel() throws Exception {
        ServerCertificate certificate = ServerCertificate.loadOrCreate(dataDir);
        server = new ChatServer(ServerSettings.builder().port(0).build(), ServerSecurity.tls(certificate, false, null));
        return new SecurityViewModel(server, dataDir, DIRECT, DIRECT);
    }

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void showsTheCertificateAndSavesPlainTextAndThePasswordAsAHash() throws Exception {
        SecurityViewModel security = viewModel();
        assertThat(security.safetyCodeProperty().get()).isEqualTo(server.security().certificate().safetyCode());
        assertThat(security.plainAllowedProperty().get()).isFalse();

        security.setPlainAllowed(true).get(5, TimeUnit.SECONDS);
        security.setPassword("open sesame").get(5, TimeUnit.SECONDS);

        assertThat(server.security().plainAllowed()).isTrue();
        assertThat(server.security().needsPassword()).isTrue();
        assertThat(security.passwordSetProperty().get()).isTrue();
        SecurityPreferences saved = SecurityPreferences.load(dataDir);
        assertThat(saved.allowPlain()).isTrue();
        assertThat(saved.password().matches("open sesame")).isTrue();
        assertThat(java.nio.file.Files.readString(dataDir.resolve(SecurityPreferences.FILE_NAME)))
                .doesNotContain("open sesame");

        security.setPassword(null).get(5, TimeUnit.SECONDS);
        assertThat(server.security().needsPassword()).isFalse();
        assertThat(SecurityPreferences.load(dataDir).password()).isNull();
    }

    @Test
    void aNewCertificateReplacesTheOneOnDiskAndInUse() throws Exception {
        SecurityViewModel security = viewModel();
        String before = security.fingerprintProperty().get();

        security.renewCertificate().get(5, TimeUnit.SECONDS);

        assertThat(security.fingerprintProperty().get()).isNotEqualTo(before)
                .isEqualTo(server.security().certificate().fingerprint())
                .isEqualTo(ServerCertificate.loadOrCreate(dataDir).fingerprint());
    }

    @Test
    void aTooLongPasswordIsRefusedWithASentence() throws Exception {
        SecurityViewModel security = viewModel();
        assertThatThrownBy(() -> security.setPassword("x".repeat(201))).hasMessageContaining("longer than 200");
        assertThat(server.security().needsPassword()).isFalse();
    }
}
