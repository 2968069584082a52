package org.natter.server.ui.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.natter.common.fx.UiLanguage;
import org.natter.common.fx.UiTheme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the admin window keeps between runs, stored as {@code server-admin.properties} in the data directory.
 * A missing or broken file gives the defaults: the window must open whatever is on disk.
 */
public record AdminPreferences(String serverName, String welcomeText, UiTheme theme, boolean showJoinsAndLeaves,
                               UiLanguage language, boolean announce) {

    public static final String FILE_NAME = "server-admin.properties";

    private static final Logger LOG = LoggerFactory.getLogger(AdminPreferences.class);

    public AdminPreferences {
        serverName = serverName == null ? "" : serverName;
        welcomeText = welcomeText == null ? "" : welcomeText;
        theme = theme == null ? UiTheme.LIGHT : theme;
        language = language == null ? UiLanguage.SYSTEM : language;
    }

    /** Announced on the local network (the default). */
    public AdminPreferences(String serverName, String welcomeText, UiTheme theme, boolean showJoinsAndLeaves,
                            UiLanguage language) {
        this(serverName, welcomeText, theme, showJoinsAndLeaves, language, true);
    }

    /** In the system language. */
    public AdminPreferences(String serverName, String welcomeText, UiTheme theme, boolean showJoinsAndLeaves) {
        this(serverName, welcomeText, theme, showJoinsAndLeaves, UiLanguage.SYSTEM);
    }

    /** Joins and leaves shown in the log. */
    public AdminPreferences(String serverName, String welcomeText, UiTheme theme) {
        this(serverName, welcomeText, theme, true);
    }

    /** Reads the file in {@code dataDir}; the defaults come from the server settings given on the command line. */
    public static AdminPreferences load(Path dataDir, String defaultName, String defaultWelcome) {
        Properties props = new Properties();
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                props.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Could not read {}; using the defaults", file, e);
            }
        }
        return new AdminPreferences(props.getProperty("serverName", defaultName),
                props.getProperty("welcomeText", defaultWelcome),
                UiTheme.parse(props.getProperty("theme")),
                !"false".equalsIgnoreCase(props.getProperty("showJoinsAndLeaves", "true").strip()),
                UiLanguage.parse(props.getProperty("language")),
                !"false".equalsIgnoreCase(props.getProperty("announce", "true").strip()));
    }

    /** Writes the file through a temporary one, so that a crash never leaves half a file. Blocking I/O. */
    public void save(Path dataDir) throws IOException {
        Properties props = new Properties();
        props.setProperty("serverName", serverName);
        props.setProperty("welcomeText", welcomeText);
        props.setProperty("theme", theme.name().toLowerCase(java.util.Locale.ROOT));
        props.setProperty("showJoinsAndLeaves", Boolean.toString(showJoinsAndLeaves));
        props.setProperty("language", language.name().toLowerCase(java.util.Locale.ROOT));
        props.setProperty("announce", Boolean.toString(announce));
        Files.createDirectories(dataDir);
        Path tmp = dataDir.resolve(FILE_NAME + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            props.store(out, "Natter server admin window");
        }
        Files.move(tmp, dataDir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public AdminPreferences withTheme(UiTheme newTheme) {
        return new AdminPreferences(serverName, welcomeText, newTheme, showJoinsAndLeaves, language, announce);
    }

    public AdminPreferences withInfo(String newName, String newWelcome) {
        return new AdminPreferences(newName, newWelcome, theme, showJoinsAndLeaves, language, announce);
    }

    public AdminPreferences withShowJoinsAndLeaves(boolean show) {
        return new AdminPreferences(serverName, welcomeText, theme, show, language, announce);
    }

    /** The language of the window from its next start on. */
    public AdminPreferences withLanguage(UiLanguage newLanguage) {
        return new AdminPreferences(serverName, welcomeText, theme, showJoinsAndLeaves, newLanguage, announce);
    }

    /** Whether the server is announced on the local network, from the window's next start on. */
    public AdminPreferences withAnnounce(boolean on) {
        return new AdminPreferences(serverName, welcomeText, theme, showJoinsAndLeaves, language, on);
    }
}
