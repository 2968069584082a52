package org.natter.client.prefs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.natter.client.net.ServerAddress;
import org.natter.client.net.trust.PinStore;

/**
 * The server passwords the person asked the window to remember ("Remember"), reached without blocking: the file
 * ({@link PasswordFile}) is read and written on one background thread named {@code natter-client-passwords}.
 */
public interface ServerPasswords {

    /** The remembered password of a server, if any. */
    CompletableFuture<Optional<String>> find(ServerAddress address);

    /** Remembers a password for a server, or forgets it ({@code null}). */
    CompletableFuture<Void> remember(ServerAddress address, String password);

    /** Remembers nothing. */
    static ServerPasswords none() {
        return new ServerPasswords() {
            @Override
            public CompletableFuture<Optional<String>> find(ServerAddress address) {
                return CompletableFuture.completedFuture(Optional.empty());
            }

            @Override
            public CompletableFuture<Void> remember(ServerAddress address, String password) {
                return CompletableFuture.completedFuture(null);
            }
        };
    }

    /** Kept for this run only (tests). */
    static ServerPasswords inMemory() {
        Map<String, String> passwords = new ConcurrentHashMap<>();
        return new ServerPasswords() {
            @Override
            public CompletableFuture<Optional<String>> find(ServerAddress address) {
                return CompletableFuture.completedFuture(Optional.ofNullable(passwords.get(PinStore.key(address))));
            }

            @Override
            public CompletableFuture<Void> remember(ServerAddress address, String password) {
                if (password == null) {
                    passwords.remove(PinStore.key(address));
                } else {
                    passwords.put(PinStore.key(address), password);
                }
                return CompletableFuture.completedFuture(null);
            }
        };
    }

    /** In {@link PasswordFile#FILE_NAME} of {@code directory}, owner-only. */
    static ServerPasswords inFile(Path directory) {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "natter-client-passwords");
                    thread.setDaemon(false);
                    return thread;
                });
        ExecutorService files = executor;
        CompletableFuture<PasswordFile> file = CompletableFuture.supplyAsync(() -> new PasswordFile(directory), files);
        return new ServerPasswords() {
            @Override
            public CompletableFuture<Optional<String>> find(ServerAddress address) {
                return file.thenApplyAsync(passwords -> passwords.password(address), files);
            }

            @Override
            public CompletableFuture<Void> remember(ServerAddress address, String password) {
                return file.thenAcceptAsync(passwords -> {
                    try {
                        passwords.remember(address, password);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, files);
            }
        };
    }
}
