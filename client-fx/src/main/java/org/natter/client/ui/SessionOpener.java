package org.natter.client.ui;

import java.util.concurrent.CompletableFuture;
import org.natter.client.net.ServerAddress;

/**
 * Connects and logs in, for the login form. Fails with a {@link org.natter.client.net.ConnectionFailure} saying why.
 * Must not block: the work happens on the connection's threads.
 */
@FunctionalInterface
public interface SessionOpener {

    CompletableFuture<ChatSession> open(ServerAddress address, String name);

    /**
     * Connects and logs in with the server's password ({@code null} for none); an opener that knows nothing of
     * passwords ignores it.
     */
    default CompletableFuture<ChatSession> open(ServerAddress address, String name, String password) {
        return open(address, name);
    }

    /**
     * As {@link #open(ServerAddress, String, String)}, for a server reached through an invite link that carries its
     * certificate's fingerprint ({@code null} for none): exactly that certificate is trusted, without asking, and any
     * other is refused.
     */
    default CompletableFuture<ChatSession> open(ServerAddress address, String name, String password, String invitePin) {
        return open(address, name, password);
    }
}
