package org.natter.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientTrustOptionsTest {

    private static final String FINGERPRINT = "ab".repeat(32);
    private static final String CANONICAL = String.join(":", java.util.Collections.nCopies(32, "AB"));

    @Test
    void trustTakesAFingerprintInAnyUsualForm() throws Exception {
        ClientOptions cli = ClientOptions.parse(List.of("--cli", "chat.lan", "anna", "--trust", FINGERPRINT));
        assertThat(cli.trust()).isEqualTo(CANONICAL);
        assertThat(cli.plain()).isFalse();
        ClientOptions window = ClientOptions.parse(List.of("--server", "chat.lan", "--trust", CANONICAL.toLowerCase()));
        assertThat(window.mode()).isEqualTo(ClientOptions.Mode.WINDOW);
        assertThat(window.trust()).isEqualTo(CANONICAL);
    }

    @Test
    void badOrMisplacedSecurityOptionsAreSentences() {
        assertThatThrownBy(() -> ClientOptions.parse(List.of("--cli", "chat.lan", "anna", "--trust", "1234")))
                .hasMessageContaining("64 hex digits");
        assertThatThrownBy(() -> ClientOptions.parse(List.of("--trust", FINGERPRINT))).hasMessageContaining("--server");
        assertThatThrownBy(() -> ClientOptions.parse(List.of("--plain"))).hasMessageContaining("--cli");
        assertThatThrownBy(() -> ClientOptions.parse(List.of("--cli", "chat.lan", "anna", "--plain", "--trust", FINGERPRINT)))
                .hasMessageContaining("--plain");
    }

    @Test
    void plainIsForTheTerminal() throws Exception {
        assertThat(ClientOptions.parse(List.of("--cli", "chat.lan", "anna", "--plain")).plain()).isTrue();
    }
}
