package org.natter.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.natter.server.core.ServerSettings;
import org.junit.jupiter.api.Test;

class ServerCommandLineTest {

    @Test
    void noOptionsMeansTheWindowWithTheDefaults() {
        ServerCommandLine parsed = ServerCommandLine.parse(List.of());
        assertThat(parsed.headless()).isFalse();
        assertThat(parsed.startAtOnce()).isFalse();
        assertThat(parsed.showMessages()).isFalse();
        assertThat(parsed.settings()).isEqualTo(ServerSettings.defaults());
        assertThat(parsed.settings().port()).isEqualTo(8020);
    }

    @Test
    void everyLimitCanBeChanged() {
        ServerCommandLine parsed = ServerCommandLine.parse(List.of("--headless", "--start", "--port", "9000",
                "--bind", "127.0.0.1", "--name", "Room 4", "--welcome", "Hi all", "--max-users", "5000",
                "--max-connections", "6000", "--login-timeout", "10", "--ping-after", "2.5", "--idle-timeout", "7",
                "--rate-burst", "100", "--rate", "50", "--max-queue-bytes", "65536", "--data-dir", "/tmp/x"));
        ServerSettings s = parsed.settings();
        assertThat(parsed.headless()).isTrue();
        assertThat(parsed.startAtOnce()).isTrue();
        assertThat(parsed.dataDir()).isEqualTo("/tmp/x");
        assertThat(s.port()).isEqualTo(9000);
        assertThat(s.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(s.serverName()).isEqualTo("Room 4");
        assertThat(s.welcomeText()).isEqualTo("Hi all");
        assertThat(s.maxUsers()).isEqualTo(5000);
        assertThat(s.maxConnections()).isEqualTo(6000);
        assertThat(s.loginTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.pingAfter()).isEqualTo(Duration.ofMillis(2500));
        assertThat(s.idleTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(s.rateBurst()).isEqualTo(100);
        assertThat(s.ratePerSecond()).isEqualTo(50.0);
        assertThat(s.maxOutboundBytes()).isEqualTo(65536);
    }

    @Test
    void roomLimitsCanBeChanged() {
        ServerCommandLine line = ServerCommandLine.parse(List.of("--no-user-rooms", "--max-rooms", "7",
                "--max-rooms-per-user", "3", "--max-room-members", "40", "--empty-room-grace", "0"));
        assertThat(line.settings().rooms()).isEqualTo(
                new org.natter.server.core.room.RoomSettings(false, 7, 3, 40, java.time.Duration.ZERO));
        assertThat(ServerCommandLine.parse(List.of()).settings().rooms())
                .isEqualTo(org.natter.server.core.room.RoomSettings.defaults());
    }

    @Test
    void theServerIsAnnouncedOnTheNetworkUnlessToldNot() {
        assertThat(ServerCommandLine.parse(List.of()).announce()).isTrue();
        assertThat(ServerCommandLine.parse(List.of("--headless", "--no-announce")).announce()).isFalse();
    }

    @Test
    void showMessagesTurnsOnTheConsolesChatLines() {
        assertThat(ServerCommandLine.parse(List.of("--headless", "--show-messages")).showMessages()).isTrue();
        assertThat(ServerCommandLine.USAGE).contains("--show-messages");
    }

    @Test
    void badInputIsASentenceForThePersonWhoTypedIt() {
        assertThatThrownBy(() -> ServerCommandLine.parse(List.of("--port", "http"))).hasMessage("--port needs a whole number, not \"http\".");
        assertThatThrownBy(() -> ServerCommandLine.parse(List.of("--port", "70000"))).hasMessageContaining("between 0 and 65535");
        assertThatThrownBy(() -> ServerCommandLine.parse(List.of("--port"))).hasMessage("--port needs a value.");
        assertThatThrownBy(() -> ServerCommandLine.parse(List.of("--colour"))).hasMessage("Unknown option --colour.");
        assertThatThrownBy(() -> ServerCommandLine.parse(List.of("--rate", "0"))).hasMessageContaining("greater than 0");
        assertThatThrownBy(() -> ServerCommandLine.parse(List.of("--ping-after", "60", "--idle-timeout", "30")))
                .hasMessageContaining("idle timeout longer than the ping interval");
    }

    @Test
    void helpIsRecognised() {
        assertThat(ServerCommandLine.parse(List.of("--help")).help()).isTrue();
        assertThat(ServerCommandLine.USAGE).contains("--max-users").contains("--headless");
    }
}
