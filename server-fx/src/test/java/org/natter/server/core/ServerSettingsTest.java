package org.natter.server.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {

    @Test
    void theBuilderStartsFromTheDefaults() {
        ServerSettings built = ServerSettings.builder().build();

        assertThat(built).isEqualTo(ServerSettings.defaults());
        assertThat(built.port()).isEqualTo(ServerSettings.DEFAULT_PORT);
        assertThat(built.maxUsers()).isEqualTo(200);
        assertThat(built.idleTimeout()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void toBuilderChangesOnlyWhatIsSet() {
        ServerSettings base = ServerSettings.builder().port(0).serverName("Lab").maxUsers(5).build();

        ServerSettings changed = base.toBuilder().welcomeText("Hi").rateBurst(3).build();

        assertThat(changed.welcomeText()).isEqualTo("Hi");
        assertThat(changed.rateBurst()).isEqualTo(3);
        assertThat(changed.port()).isZero();
        assertThat(changed.serverName()).isEqualTo("Lab");
        assertThat(changed.maxUsers()).isEqualTo(5);
        assertThat(changed.toBuilder().welcomeText("").rateBurst(base.rateBurst()).build()).isEqualTo(base);
        assertThat(base.welcomeText()).isEmpty();
    }

    @Test
    void theWithMethodsAgreeWithTheBuilder() {
        ServerSettings base = ServerSettings.defaults();

        assertThat(base.withPort(9000)).isEqualTo(base.toBuilder().port(9000).build());
        assertThat(base.withInfo("Room", "Welcome")).isEqualTo(base.toBuilder().serverName("Room").welcomeText("Welcome").build());
        assertThat(base.withLimits(1, 2, 3, 4.0, 5_000)).isEqualTo(base.toBuilder().maxUsers(1).maxConnections(2)
                .rateBurst(3).ratePerSecond(4.0).maxOutboundBytes(5_000).build());
        assertThat(base.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3)))
                .isEqualTo(base.toBuilder().loginTimeout(Duration.ofSeconds(1)).pingAfter(Duration.ofSeconds(2))
                        .idleTimeout(Duration.ofSeconds(3)).build());
    }

    @Test
    void buildRejectsValuesOutOfRange() {
        assertThatThrownBy(() -> ServerSettings.builder().port(70_000).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port");
        assertThatThrownBy(() -> ServerSettings.builder().maxUsers(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxUsers");
        assertThatThrownBy(() -> ServerSettings.builder().pingAfter(Duration.ofSeconds(60)).idleTimeout(Duration.ofSeconds(60)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idle timeout");
    }

    @Test
    void blankNamesAndMissingTextsGetTheirDefaults() {
        ServerSettings settings = ServerSettings.builder().serverName("  ").welcomeText(null).bindAddress(null).build();
        assertThat(settings.serverName()).isEqualTo("Natter");
        assertThat(settings.welcomeText()).isEmpty();
        assertThat(settings.bindAddress()).isEmpty();
    }
}
