package org.natter.server.ui.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.natter.server.core.ChatServer;
import org.natter.server.core.security.PasswordHash;
import org.natter.server.core.security.ServerSecurity;
import org.natter.server.core.tls.ServerCertificate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's security as the admin window shows and changes it: the certificate's safety code and fingerprint,
 * "Allow unencrypted connections", the password, and a new certificate. Properties change on the FX thread; hashing a
 * password, making a certificate and writing {@link SecurityPreferences} run on the background executor. New
 * connections use a change at once, open ones keep what they had.
 */
public final class SecurityViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityViewModel.class);

    private final ChatServer server;
    private final Path dataDir;
    private final Executor fx;
    private final Executor background;
    private final ReadOnlyBooleanWrapper encrypted = new ReadOnlyBooleanWrapper(this, "encrypted");
    private final ReadOnlyBooleanWrapper plainAllowed = new ReadOnlyBooleanWrapper(this, "plainAllowed");
    private final ReadOnlyBooleanWrapper passwordSet = new ReadOnlyBooleanWrapper(this, "passwordSet");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper fingerprint = new ReadOnlyStringWrapper(this, "fingerprint", "");
    private final ReadOnlyStringWrapper safetyCode = new ReadOnlyStringWrapper(this, "safetyCode", "");
    private final Object fileLock = new Object();

    public SecurityViewModel(ChatServer server, Path dataDir, Executor fx, Executor background) {
        this.server = server;
        this.dataDir = dataDir;
        this.fx = fx;
        this.background = background;
        show(server.security());
    }

    /** Whether the server encrypts at all (a server made in code may not). */
    public ReadOnlyBooleanProperty encryptedProperty() {
        return encrypted.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty plainAllowedProperty() {
        return plainAllowed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty passwordSetProperty() {
        return passwordSet.getReadOnlyProperty();
    }

    /** A password is being hashed or a certificate made. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The SHA-256 fingerprint of the certificate, empty without TLS. */
    public ReadOnlyStringProperty fingerprintProperty() {
        return fingerprint.getReadOnlyProperty();
    }

    /** The short code users compare on their first connection, empty without TLS. */
    public ReadOnlyStringProperty safetyCodeProperty() {
        return safetyCode.getReadOnlyProperty();
    }

    /** Allows or refuses unencrypted connections from now on, and remembers it. */
    public CompletableFuture<Void> setPlainAllowed(boolean allowed) {
        return change(() -> server.updateSecurity(current -> current.withPlainAllowed(allowed)));
    }

    /**
     * Sets the password (hashed in the background, about half a second), or removes it with {@code null}.
     *
     * @throws IllegalArgumentException at once, with a sentence, for an empty or too long password
     */
    public CompletableFuture<Void> setPassword(String password) {
        if (password != null) {
            PasswordHash.problem(password).ifPresent(problem -> {
                throw new IllegalArgumentException(problem);
            });
        }
        return change(() -> {
            PasswordHash hash = password == null ? null : PasswordHash.create(password);
            return server.updateSecurity(current -> current.withPassword(hash));
        });
    }

    /**
     * Makes a new key and certificate, replacing the old ones in the data directory. Every client will be asked to
     * trust the server again, as on its first connection.
     */
    public CompletableFuture<Void> renewCertificate() {
        return change(() -> {
            try {
                ServerCertificate renewed = ServerCertificate.createIn(dataDir);
                return server.updateSecurity(current -> current.withCertificate(renewed));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private CompletableFuture<Void> change(java.util.function.Supplier<ServerSecurity> work) {
        busy.set(true);
        return CompletableFuture.supplyAsync(() -> {
            ServerSecurity now = work.get();
            save(now);
            return now;
        }, background).handleAsync((now, failure) -> {
            busy.set(false);
            show(server.security());
            if (failure != null) {
                LOG.warn("Changing the server's security failed", failure);
                throw new java.util.concurrent.CompletionException(failure);
            }
            return null;
        }, fx);
    }

    /** Background thread. */
    private void save(ServerSecurity security) {
        if (!security.transport().usesTls()) {
            return;
        }
        synchronized (fileLock) {
            try {
                new SecurityPreferences(security.plainAllowed(), security.password()).save(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void show(ServerSecurity security) {
        encrypted.set(security.transport().usesTls());
        plainAllowed.set(security.plainAllowed());
        passwordSet.set(security.needsPassword());
        ServerCertificate certificate = security.certificate();
        fingerprint.set(certificate == null ? "" : certificate.fingerprint());
        safetyCode.set(certificate == null ? "" : certificate.safetyCode());
    }
}
