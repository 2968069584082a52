package org.natter.server.core;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the server keeps its settings and log files: {@code NATTER_DATA_DIR} if set, otherwise the platform's
 * usual place ({@code $XDG_DATA_HOME/natter} or {@code ~/.local/share/natter} on Linux,
 * {@code %APPDATA%\Natter} on Windows, {@code ~/Library/Application Support/Natter} on macOS).
 */
public final class DataDirectory {

    private DataDirectory() {
    }

    /** @param override a directory given on the command line, or {@code null} */
    public static Path resolve(String override) {
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath();
        }
        String fromEnvironment = System.getenv("NATTER_DATA_DIR");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment).toAbsolutePath();
        }
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "Natter");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Natter");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "natter") : Path.of(home, ".local", "share", "natter");
    }
}
