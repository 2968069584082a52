package org.natter.client.prefs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClientPreferencesTest {

    private final Preferences node = Preferences.userRoot().node("natter-test-" + UUID.randomUUID());
    private final ClientPreferences preferences = new ClientPreferences(node);

    @AfterEach
    void removeNode() throws Exception {
        preferences.saved().get(10, TimeUnit.SECONDS);
        node.removeNode();
    }

    @Test
    void lastLoginIsRememberedMostRecentServerFirstWithoutDuplicates() throws Exception {
        preferences.rememberLogin("anna", "alpha:8020");
        preferences.rememberLogin("anna", "beta");
        preferences.rememberLogin("bob", "ALPHA:8020").get(10, TimeUnit.SECONDS);

        assertThat(preferences.lastName()).isEqualTo("bob");
        assertThat(preferences.recentServers()).containsExactly("ALPHA:8020", "beta");
        ClientPreferences reread = new ClientPreferences(node);
        assertThat(reread.lastName()).isEqualTo("bob");
        assertThat(reread.recentServers()).containsExactly("ALPHA:8020", "beta");
    }

    @Test
    void recentServersAreCapped() throws Exception {
        for (int i = 0; i < 20; i++) {
            preferences.rememberLogin("anna", "host" + i);
        }
        preferences.saved().get(10, TimeUnit.SECONDS);

        assertThat(preferences.recentServers()).hasSize(ClientPreferences.MAX_SERVERS).startsWith("host19");
        assertThat(new ClientPreferences(node).recentServers()).hasSize(ClientPreferences.MAX_SERVERS).startsWith("host19");
    }

    @Test
    void openRoomsAreRememberedPerServerWhateverTheAddressLength() throws Exception {
        String longHost = "a-very-long-host-name-that-goes-on.and-on.example.org:8020".repeat(3);
        preferences.setOpenRooms("chat.lan:8020", List.of("general", "maths", "Ελληνικά"));
        preferences.setOpenRooms(longHost, List.of("art")).get(10, TimeUnit.SECONDS);

        ClientPreferences reread = new ClientPreferences(node);
        assertThat(reread.openRooms("CHAT.lan:8020")).containsExactly("general", "maths", "Ελληνικά");
        assertThat(reread.openRooms(longHost)).containsExactly("art");
        assertThat(reread.openRooms("other:8020")).isEmpty();
    }

    @Test
    void themeChoiceIsRemembered() throws Exception {
        assertThat(preferences.darkTheme()).isFalse();

        preferences.setDarkTheme(true).get(10, TimeUnit.SECONDS);

        assertThat(new ClientPreferences(node).darkTheme()).isTrue();
    }

    @Test
    void writesAndFlushesRunOnTheNamedBackgroundThreadNeverOnTheCallers() throws Exception {
        RecordingPreferences store = new RecordingPreferences();
        ClientPreferences recorded = new ClientPreferences(store);

        recorded.rememberLogin("anna", "chat.lan");
        recorded.setDarkTheme(true).get(10, TimeUnit.SECONDS);

        assertThat(store.values).containsEntry("name", "anna").containsEntry("server.0", "chat.lan")
                .containsEntry("theme.dark", "true");
        assertThat(store.writerThreads).isNotEmpty().allMatch(ClientPreferences.SAVER_THREAD::equals);
    }

    @Test
    void changeIsVisibleAtOnceButStoredOnlyWhenTheSaverRunsInOrder() throws Exception {
        RecordingPreferences store = new RecordingPreferences();
        List<Runnable> saver = new ArrayList<>();
        ClientPreferences deferred = new ClientPreferences(store, saver::add);

        deferred.setDarkTheme(true);
        deferred.setDarkTheme(false);
        deferred.rememberLogin("anna", "chat.lan");

        assertThat(deferred.darkTheme()).isFalse();
        assertThat(deferred.lastName()).isEqualTo("anna");
        assertThat(store.values).isEmpty();
        while (!saver.isEmpty()) {
            saver.remove(0).run();
        }
        assertThat(deferred.saved()).isDone();
        assertThat(store.values).containsEntry("theme.dark", "false").containsEntry("name", "anna");
    }
}
