package org.natter.client.prefs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the client remembers between runs: the last nickname, the last servers (most recent first) and the theme.
 * Kept with {@link java.util.prefs}: on Linux under {@code ~/.java/.userPrefs/org/natter/client}, on Windows in the
 * registry under {@code HKEY_CURRENT_USER\Software\JavaSoft\Prefs}, on macOS in {@code ~/Library/Preferences}.
 */
public final class ClientPreferences {

    private static final Logger LOG = LoggerFactory.getLogger(ClientPreferences.class);
    private static final String NAME = "name";
    private static final String SERVER = "server.";
    private static final String DARK = "theme.dark";
    static final int MAX_SERVERS = 8;

    private final Preferences node;

    public ClientPreferences(Preferences node) {
        this.node = node;
    }

    /** The user's own node, {@code org/natter/client}. */
    public static ClientPreferences forUser() {
        return new ClientPreferences(Preferences.userRoot().node("org/natter/client"));
    }

    public String lastName() {
        return node.get(NAME, "");
    }

    /** The servers connected to, most recent first, at most {@value #MAX_SERVERS}. */
    public List<String> recentServers() {
        List<String> servers = new ArrayList<>();
        for (int i = 0; i < MAX_SERVERS; i++) {
            String server = node.get(SERVER + i, null);
            if (server != null && !server.isBlank()) {
                servers.add(server);
            }
        }
        return servers;
    }

    /** Remembers a successful login: the name, and the server moved to the front of the recent list. */
    public void rememberLogin(String name, String server) {
        node.put(NAME, name);
        List<String> servers = recentServers();
        servers.removeIf(existing -> existing.toLowerCase(Locale.ROOT).equals(server.toLowerCase(Locale.ROOT)));
        servers.add(0, server);
        for (int i = 0; i < MAX_SERVERS; i++) {
            if (i < servers.size()) {
                node.put(SERVER + i, servers.get(i));
            } else {
                node.remove(SERVER + i);
            }
        }
        flush();
    }

    public boolean darkTheme() {
        return node.getBoolean(DARK, false);
    }

    public void setDarkTheme(boolean dark) {
        node.putBoolean(DARK, dark);
        flush();
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // Not remembering is a small loss; the chat works on.
            LOG.warn("Could not save the preferences: {}", e.getMessage());
        }
    }
}
