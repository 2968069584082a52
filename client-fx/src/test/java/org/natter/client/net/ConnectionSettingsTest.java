package org.natter.client.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {

    @Test
    void retryDelaysDoubleUpToTheCapWithinTheJitter() {
        ConnectionSettings settings = ConnectionSettings.defaults()
                .withBackoff(Duration.ofMillis(100), Duration.ofMillis(1_000), 0);

        for (int i = 0; i < 50; i++) {
            assertThat(settings.retryDelay(1).toMillis()).isBetween(70L, 130L);
            assertThat(settings.retryDelay(3).toMillis()).isBetween(280L, 520L);
            assertThat(settings.retryDelay(20).toMillis()).isBetween(700L, 1_300L);
        }
    }
}
