package org.natter.client.prefs;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the client keeps its files (trusted certificates, remembered passwords): the system property
 * {@code natter.client.dir} or {@code NATTER_CLIENT_DIR} if set, otherwise {@code $XDG_CONFIG_HOME/natter} or
 * {@code ~/.config/natter} on Linux, {@code %APPDATA%\Natter\Client} on Windows and
 * {@code ~/Library/Application Support/Natter Client} on macOS.
 */
public final class ClientDataDirectory {

    private ClientDataDirectory() {
    }

    public static Path resolve() {
        String property = System.getProperty("natter.client.dir");
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath();
        }
        String fromEnvironment = System.getenv("NATTER_CLIENT_DIR");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment).toAbsolutePath();
        }
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "Natter", "Client");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Natter Client");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "natter") : Path.of(home, ".config", "natter");
    }
}
