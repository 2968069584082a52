package org.natter.client.prefs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.natter.client.net.ServerAddress;

class PinFileTest {

    @TempDir
    Path dir;

    @Test
    void pinsSurviveARestartPerHostAndPort() {
        ServerAddress server = new ServerAddress("Chat.LAN", 8020);
        new PinFile(dir).pin(server, "AA:BB");
        PinFile again = new PinFile(dir);
        assertThat(again.pinned(new ServerAddress("chat.lan", 8020))).contains("AA:BB");
        assertThat(again.pinned(new ServerAddress("chat.lan", 8021))).isEmpty();
    }

    @Test
    void rememberedPasswordsAreForTheOwnerOnlyAndCanBeForgotten() throws Exception {
        ServerAddress server = new ServerAddress("chat.lan", 8020);
        new PasswordFile(dir).remember(server, "s3cret");
        Path file = dir.resolve(PasswordFile.FILE_NAME);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(new PasswordFile(dir).password(server)).contains("s3cret");
        new PasswordFile(dir).remember(server, null);
        assertThat(new PasswordFile(dir).password(server)).isEmpty();
    }
}
