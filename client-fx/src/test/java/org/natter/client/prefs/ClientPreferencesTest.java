package org.natter.client.prefs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClientPreferencesTest {

    private final Preferences node = Preferences.userRoot().node("natter-test-" + UUID.randomUUID());
    private final ClientPreferences preferences = new ClientPreferences(node);

    @AfterEach
    void removeNode() throws Exception {
        node.removeNode();
    }

    @Test
    void lastLoginIsRememberedMostRecentServerFirstWithoutDuplicates() {
        preferences.rememberLogin("anna", "alpha:8020");
        preferences.rememberLogin("anna", "beta");
        preferences.rememberLogin("bob", "ALPHA:8020");

        assertThat(preferences.lastName()).isEqualTo("bob");
        assertThat(preferences.recentServers()).containsExactly("ALPHA:8020", "beta");
    }

    @Test
    void recentServersAreCapped() {
        for (int i = 0; i < 20; i++) {
            preferences.rememberLogin("anna", "host" + i);
        }

        assertThat(preferences.recentServers()).hasSize(ClientPreferences.MAX_SERVERS).startsWith("host19");
    }

    @Test
    void themeChoiceIsRemembered() {
        assertThat(preferences.darkTheme()).isFalse();

        preferences.setDarkTheme(true);

        assertThat(new ClientPreferences(node).darkTheme()).isTrue();
    }
}
