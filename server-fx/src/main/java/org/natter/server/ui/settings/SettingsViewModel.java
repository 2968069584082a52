package org.natter.server.ui.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.natter.common.fx.UiLanguage;
import org.natter.common.fx.UiTheme;
import org.natter.server.core.ChatServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server name, welcome text and theme, kept in the data directory between runs. The name and welcome text go to
 * the server at once ({@link ChatServer#updateInfo}); the file is written off the FX thread.
 */
public final class SettingsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsViewModel.class);

    private final ChatServer server;
    private final Executor fxExecutor;
    private final Executor background;
    private final Path dataDir;
    private final ReadOnlyStringWrapper serverName = new ReadOnlyStringWrapper(this, "serverName");
    private final ReadOnlyStringWrapper welcomeText = new ReadOnlyStringWrapper(this, "welcomeText");
    private final ObjectProperty<UiTheme> theme = new SimpleObjectProperty<>(this, "theme");
    private final BooleanProperty showJoinsAndLeaves = new SimpleBooleanProperty(this, "showJoinsAndLeaves");
    private final ObjectProperty<UiLanguage> language = new SimpleObjectProperty<>(this, "language");
    private final BooleanProperty announce = new SimpleBooleanProperty(this, "announce");
    private final Object fileLock = new Object();
    private final SecurityViewModel security;
    private AdminPreferences saved;

    public SettingsViewModel(ChatServer server, AdminPreferences preferences, Path dataDir, Executor fxExecutor,
                      Executor background) {
        this.server = server;
        this.dataDir = dataDir;
        this.fxExecutor = fxExecutor;
        this.background = background;
        this.saved = preferences;
        this.security = new SecurityViewModel(server, dataDir, fxExecutor, background);
        serverName.set(preferences.serverName());
        welcomeText.set(preferences.welcomeText());
        theme.set(preferences.theme());
        showJoinsAndLeaves.set(preferences.showJoinsAndLeaves());
        language.set(preferences.language());
        announce.set(preferences.announce());
        theme.addListener((obs, old, now) -> save(saved.withTheme(now)));
        showJoinsAndLeaves.addListener((obs, old, show) -> save(saved.withShowJoinsAndLeaves(show)));
        language.addListener((obs, old, now) -> save(saved.withLanguage(now)));
        announce.addListener((obs, old, now) -> save(saved.withAnnounce(now)));
    }

    /** The certificate, plain text and password settings. */
    public SecurityViewModel security() {
        return security;
    }

    public ReadOnlyStringProperty serverNameProperty() {
        return serverName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty welcomeTextProperty() {
        return welcomeText.getReadOnlyProperty();
    }

    public ObjectProperty<UiTheme> themeProperty() {
        return theme;
    }

    /** Whether the log shows users joining and leaving; kept with the other settings. */
    public BooleanProperty showJoinsAndLeavesProperty() {
        return showJoinsAndLeaves;
    }

    /** Whether the server is announced on the local network; a change is saved and takes effect at the next start. */
    public BooleanProperty announceProperty() {
        return announce;
    }

    /** The language of the window; a change is saved and takes effect at the next start. */
    public ObjectProperty<UiLanguage> languageProperty() {
        return language;
    }

    public void toggleTheme() {
        theme.set(theme.get().toggled());
    }

    /** Applies a new name and welcome text to the server and remembers them; completes on the FX thread. */
    public CompletableFuture<Void> updateInfo(String name, String welcome) {
        String newName = name == null ? "" : name.strip();
        String newWelcome = welcome == null ? "" : welcome.strip();
        serverName.set(newName);
        welcomeText.set(newWelcome);
        server.updateInfo(newName, newWelcome);
        return save(saved.withInfo(newName, newWelcome));
    }

    private CompletableFuture<Void> save(AdminPreferences preferences) {
        saved = preferences;
        return CompletableFuture.runAsync(() -> {
            // Two quick theme toggles run two saves; the lock keeps them from sharing the temporary file.
            synchronized (fileLock) {
                try {
                    preferences.save(dataDir);
                } catch (IOException e) {
                    LOG.warn("Could not save the settings to {}", dataDir, e);
                    throw new UncheckedIOException(e);
                }
            }
        }, background).whenCompleteAsync((ignored, failure) -> { }, fxExecutor);
    }
}
