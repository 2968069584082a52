package org.natter.client.prefs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.natter.client.net.ServerAddress;
import org.natter.client.net.trust.PinStore;

/**
 * Server passwords the person chose to remember, one per {@code host:port}, in {@value #FILE_NAME} of the client's
 * directory, readable by its owner only. They are kept as typed (a client must send the password itself), so the
 * file is only as safe as the user's account. Blocking I/O: call it off the FX thread. Thread-safe.
 */
public final class PasswordFile {

    public static final String FILE_NAME = "server-passwords.properties";

    private final Path file;
    // Guarded by this.
    private final Properties passwords;

    public PasswordFile(Path directory) {
        this.file = directory.resolve(FILE_NAME);
        this.passwords = PrivateProperties.load(file);
    }

    public static PasswordFile forUser() {
        return new PasswordFile(ClientDataDirectory.resolve());
    }

    public synchronized Optional<String> password(ServerAddress address) {
        return Optional.ofNullable(passwords.getProperty(PinStore.key(address)));
    }

    /** Remembers a password for the server, or forgets it when {@code password} is {@code null}. */
    public synchronized void remember(ServerAddress address, String password) throws IOException {
        if (password == null) {
            if (passwords.remove(PinStore.key(address)) == null) {
                return;
            }
        } else {
            passwords.setProperty(PinStore.key(address), password);
        }
        PrivateProperties.save(file, passwords, "Natter: remembered server passwords");
    }
}
