package org.natter.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerSecurityOptionsTest {

    @TempDir
    Path dir;

    @Test
    void plainTextIsRefusedUnlessAllowed() {
        assertThat(ServerCommandLine.parse(List.of()).allowPlain()).isFalse();
        assertThat(ServerCommandLine.parse(List.of("--allow-plain")).allowPlain()).isTrue();
    }

    @Test
    void thePasswordComesFromAFileNeverFromTheCommandLine() throws Exception {
        assertThatThrownBy(() -> ServerCommandLine.parse(List.of("--password", "secret")))
                .hasMessageContaining("--password-file");
        Path file = dir.resolve("password.txt");
        Files.writeString(file, "open sesame\nignored second line\n");
        ServerCommandLine commandLine = ServerCommandLine.parse(List.of("--password-file", file.toString()));
        assertThat(ServerSecuritySetup.passwordFrom(commandLine.passwordFile()).matches("open sesame")).isTrue();
    }

    @Test
    void aMissingOrEmptyPasswordFileIsASentence() throws Exception {
        assertThatThrownBy(() -> ServerSecuritySetup.passwordFrom(dir.resolve("none.txt").toString()))
                .hasMessageContaining("Cannot read the password file");
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        assertThatThrownBy(() -> ServerSecuritySetup.passwordFrom(empty.toString())).hasMessageContaining("empty");
    }
}
