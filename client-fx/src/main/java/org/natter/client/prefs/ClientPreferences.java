package org.natter.client.prefs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the client remembers between runs: the last nickname, the last servers (most recent first), the theme, the
 * language, the text size, and
 * the rooms open on each server (to join them again after the next login).
 * Kept with {@link java.util.prefs}: on Linux under {@code ~/.java/.userPrefs/org/natter/client}, on Windows in the
 * registry under {@code HKEY_CURRENT_USER\Software\JavaSoft\Prefs}, on macOS in {@code ~/Library/Preferences}.
 *
 * <p><b>Threads:</b> the values are read once, when this object is made, and then served from memory, so a getter
 * never touches the disk or the registry. A change is visible at once and is written in the background, in the
 * order of the changes, by one thread named {@code natter-client-preferences} shared by every instance (it ends
 * after a second of idleness, and is not a daemon, so a last change is written before the application exits).
 * Any thread may call any method; the FX thread is the usual caller.
 */
public final class ClientPreferences {

    private static final Logger LOG = LoggerFactory.getLogger(ClientPreferences.class);
    private static final String NAME = "name";
    private static final String SERVER = "server.";
    private static final String DARK = "theme.dark";
    private static final String SHOW_JOINS = "chat.showJoinsAndLeaves";
    private static final String LANGUAGE = "language";
    private static final String TEXT_SIZE = "chat.textSize";
    /** Followed by a name-based UUID of the server address: keys may be at most 80 characters, addresses not. */
    private static final String ROOMS = "rooms.";
    static final int MAX_SERVERS = 8;
    static final String SAVER_THREAD = "natter-client-preferences";

    private final Preferences node;
    private final Executor saver;
    // Guarded by this.
    private String lastName;
    private List<String> recentServers;
    private boolean darkTheme;
    private boolean showJoinsAndLeaves;
    private String language;
    private int textSize;
    private final Map<String, List<String>> openRooms = new HashMap<>();
    private CompletableFuture<Void> saved = CompletableFuture.completedFuture(null);

    public ClientPreferences(Preferences node) {
        this(node, Saver.EXECUTOR);
    }

    /** With {@code saver} running the writes (tests pass one they control). */
    ClientPreferences(Preferences node, Executor saver) {
        this.node = Objects.requireNonNull(node, "node");
        this.saver = Objects.requireNonNull(saver, "saver");
        lastName = node.get(NAME, "");
        List<String> servers = new ArrayList<>();
        for (int i = 0; i < MAX_SERVERS; i++) {
            String server = node.get(SERVER + i, null);
            if (server != null && !server.isBlank()) {
                servers.add(server);
            }
        }
        recentServers = List.copyOf(servers);
        darkTheme = node.getBoolean(DARK, false);
        showJoinsAndLeaves = node.getBoolean(SHOW_JOINS, true);
        language = node.get(LANGUAGE, "");
        textSize = node.getInt(TEXT_SIZE, 0);
        try {
            for (String key : node.keys()) {
                if (key.startsWith(ROOMS)) {
                    String rooms = node.get(key, "").strip();
                    openRooms.put(key, rooms.isEmpty() ? List.of() : List.of(rooms.split(" ")));
                }
            }
        } catch (BackingStoreException e) {
            LOG.warn("Could not read the remembered rooms: {}", e.toString());
        }
    }

    /** The user's own node, {@code org/natter/client}. */
    public static ClientPreferences forUser() {
        return new ClientPreferences(Preferences.userRoot().node("org/natter/client"));
    }

    public synchronized String lastName() {
        return lastName;
    }

    /** The servers connected to, most recent first, at most {@value #MAX_SERVERS}. */
    public synchronized List<String> recentServers() {
        return recentServers;
    }

    public synchronized boolean darkTheme() {
        return darkTheme;
    }

    /** Remembers a successful login: the name, and the server moved to the front of the recent list. */
    public synchronized CompletableFuture<Void> rememberLogin(String name, String server) {
        List<String> servers = new ArrayList<>(recentServers);
        servers.removeIf(existing -> existing.toLowerCase(Locale.ROOT).equals(server.toLowerCase(Locale.ROOT)));
        servers.add(0, server);
        lastName = name;
        recentServers = List.copyOf(servers.subList(0, Math.min(MAX_SERVERS, servers.size())));
        List<String> toStore = recentServers;
        return save(() -> {
            node.put(NAME, name);
            for (int i = 0; i < MAX_SERVERS; i++) {
                if (i < toStore.size()) {
                    node.put(SERVER + i, toStore.get(i));
                } else {
                    node.remove(SERVER + i);
                }
            }
        });
    }

    public synchronized CompletableFuture<Void> setDarkTheme(boolean dark) {
        darkTheme = dark;
        return save(() -> node.putBoolean(DARK, dark));
    }

    /** Whether the chat shows the (collapsed) lines for people joining and leaving. */
    public synchronized boolean showJoinsAndLeaves() {
        return showJoinsAndLeaves;
    }

    public synchronized CompletableFuture<Void> setShowJoinsAndLeaves(boolean show) {
        showJoinsAndLeaves = show;
        return save(() -> node.putBoolean(SHOW_JOINS, show));
    }

    /** The language chosen in the window ("system", "english", "french"; empty when never chosen). */
    public synchronized String language() {
        return language;
    }

    public synchronized CompletableFuture<Void> setLanguage(String name) {
        language = Objects.requireNonNull(name, "name");
        return save(() -> node.put(LANGUAGE, name));
    }

    /** Steps of text size above (or below) the normal one, as Ctrl++ and Ctrl+- leave them. */
    public synchronized int textSize() {
        return textSize;
    }

    public synchronized CompletableFuture<Void> setTextSize(int steps) {
        textSize = steps;
        return save(() -> node.putInt(TEXT_SIZE, steps));
    }

    /** The rooms that were open on {@code server} (host:port as typed, any case) when the client last ran. */
    public synchronized List<String> openRooms(String server) {
        return openRooms.getOrDefault(roomsKey(server), List.of());
    }

    /** Remembers the rooms open on {@code server}; room names hold no spaces, so one space separates them. */
    public synchronized CompletableFuture<Void> setOpenRooms(String server, List<String> rooms) {
        String key = roomsKey(server);
        List<String> copy = List.copyOf(rooms);
        if (copy.equals(openRooms.get(key))) {
            return saved;
        }
        openRooms.put(key, copy);
        String value = String.join(" ", copy);
        return save(() -> node.put(key, value));
    }

    private static String roomsKey(String server) {
        byte[] address = server.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        return ROOMS + UUID.nameUUIDFromBytes(address);
    }

    /** Completes when every change made so far has been written (or has failed and been logged). */
    public synchronized CompletableFuture<Void> saved() {
        return saved;
    }

    /** Called with the lock held; the writes run one after the other, in the order of the changes. */
    private CompletableFuture<Void> save(Runnable write) {
        saved = saved.thenRunAsync(() -> {
            try {
                write.run();
                node.flush();
            } catch (BackingStoreException | RuntimeException e) {
                // Not remembering is a small loss; the chat works on.
                LOG.warn("Could not save the preferences: {}", e.toString());
            }
        }, saver);
        return saved;
    }

    /** The one background thread for preference writes, made when first needed. */
    private static final class Saver {
        static final Executor EXECUTOR = executor();

        private static Executor executor() {
            ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    runnable -> new Thread(runnable, SAVER_THREAD));
            executor.allowCoreThreadTimeOut(true);
            return executor;
        }
    }
}
