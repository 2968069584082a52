package org.natter.client.prefs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.natter.client.net.ServerAddress;
import org.natter.client.net.trust.PinStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trusted server certificates, one fingerprint per {@code host:port}, in {@value #FILE_NAME} of the client's
 * directory. Read once, on first use; {@link #pin} writes the file at once (it is called on the connection's
 * connector thread, never the FX thread). Thread-safe.
 */
public final class PinFile implements PinStore {

    public static final String FILE_NAME = "trusted-servers.properties";
    private static final Logger LOG = LoggerFactory.getLogger(PinFile.class);

    private final Path file;
    // Guarded by this; read on first use, so making one touches no disk (the window makes it on the FX thread).
    private Properties pins;

    public PinFile(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    /** The user's own file, in {@link ClientDataDirectory}; read on first use. */
    public static PinFile forUser() {
        return new PinFile(ClientDataDirectory.resolve());
    }

    @Override
    public synchronized Optional<String> pinned(ServerAddress address) {
        return Optional.ofNullable(pins().getProperty(PinStore.key(address)));
    }

    @Override
    public synchronized void pin(ServerAddress address, String fingerprint) {
        pins().setProperty(PinStore.key(address), fingerprint);
        try {
            PrivateProperties.save(file, pins, "Natter: trusted server certificates (SHA-256 fingerprints)");
        } catch (IOException e) {
            // Trusted for this run; the next run asks again.
            LOG.warn("Could not save {}: {}", file, e.toString());
        }
    }

    private Properties pins() {
        if (pins == null) {
            pins = PrivateProperties.load(file);
        }
        return pins;
    }
}
