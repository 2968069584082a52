package org.natter.server.ui.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import org.natter.server.core.security.PasswordHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin window's security settings, in {@value #FILE_NAME} of the data directory (owner-only): whether
 * unencrypted connections are allowed (off unless the operator turns it on) and the password's salted hash (never
 * the password). A missing or damaged file gives the safe defaults. Blocking I/O: never on the FX thread.
 *
 * @param password {@code null} for none
 */
public record SecurityPreferences(boolean allowPlain, PasswordHash password) {

    public static final String FILE_NAME = "server-security.properties";
    private static final Logger LOG = LoggerFactory.getLogger(SecurityPreferences.class);

    public static SecurityPreferences load(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        Properties props = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                props.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Could not read {}; using the defaults", file, e);
            }
        }
        String stored = props.getProperty("passwordHash");
        PasswordHash password = stored == null || stored.isBlank() ? null : PasswordHash.decode(stored).orElse(null);
        if (stored != null && !stored.isBlank() && password == null) {
            LOG.warn("The password hash in {} is damaged; the server has no password until one is set again", file);
        }
        return new SecurityPreferences("true".equalsIgnoreCase(props.getProperty("allowPlain", "false").strip()), password);
    }

    public void save(Path dataDir) throws IOException {
        Properties props = new Properties();
        props.setProperty("allowPlain", Boolean.toString(allowPlain));
        if (password != null) {
            props.setProperty("passwordHash", password.encode());
        }
        Files.createDirectories(dataDir);
        Path tmp = dataDir.resolve(FILE_NAME + ".tmp");
        Files.deleteIfExists(tmp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(tmp);
        }
        try (OutputStream out = Files.newOutputStream(tmp)) {
            props.store(out, "Natter server security (the password is kept as a salted PBKDF2 hash only)");
        }
        try {
            Files.move(tmp, dataDir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, dataDir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
