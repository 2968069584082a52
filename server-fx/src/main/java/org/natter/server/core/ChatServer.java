package org.natter.server.core;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.natter.common.model.ConnectedUser;
import org.natter.common.model.PendingHost;
import org.natter.common.model.ServerState;

/**
 * A Natter chat server: lifecycle, and the operator's plain Java API. All methods are thread-safe and none
 * touches a UI. (API skeleton; the implementation lands in the next commit.)
 */
public final class ChatServer implements AutoCloseable {

    public ChatServer(ServerSettings settings) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The settings in force, including the latest {@link #updateInfo} changes. */
    public ServerSettings settings() { throw new UnsupportedOperationException(); }

    /** Changes the server name and welcome text; new connections and logins see them at once. */
    public void updateInfo(String serverName, String welcomeText) { throw new UnsupportedOperationException(); }

    public void addListener(ServerListener listener) { throw new UnsupportedOperationException(); }

    public void removeListener(ServerListener listener) { throw new UnsupportedOperationException(); }

    public ServerState state() { throw new UnsupportedOperationException(); }

    /** The port it listens on, or -1 when not running. */
    public int port() { throw new UnsupportedOperationException(); }

    /** When the running server started, or {@code null}. */
    public Instant startedAt() { throw new UnsupportedOperationException(); }

    /**
     * Starts listening; blocks until bound. Idempotent: when already running it returns the current port.
     *
     * @param port the port, 0 for any free one
     * @return the real port
     * @throws ServerStartException with a sentence for the operator when the port cannot be bound
     */
    public int start(int port) { throw new UnsupportedOperationException(); }

    /** Tells every user {@code left}/server_stopped, closes every connection and clears all state. Idempotent. */
    public void stop() { throw new UnsupportedOperationException(); }

    /** {@link #start} on the server's own control thread. */
    public CompletableFuture<Integer> startInBackground(int port) { throw new UnsupportedOperationException(); }

    /** {@link #stop} on the server's own control thread. */
    public CompletableFuture<Void> stopInBackground() { throw new UnsupportedOperationException(); }

    /** A snapshot of the pending hosts, oldest first. */
    public List<PendingHost> pendingHosts() { throw new UnsupportedOperationException(); }

    /** A snapshot of the logged-in users, sorted by name ignoring case. */
    public List<ConnectedUser> users() { throw new UnsupportedOperationException(); }

    /** Removes a user: it gets {@code kicked} with the reason, then the connection closes. False if no such user. */
    public boolean kick(String name, String reason) { throw new UnsupportedOperationException(); }

    /** Closes a pending host's connection. False if no such pending host. */
    public boolean dropPending(long connectionId) { throw new UnsupportedOperationException(); }

    /**
     * Sends an announcement to every logged-in user.
     *
     * @return how many users it reached
     * @throws IllegalArgumentException when the text breaks the text rules
     */
    public int announce(String text) { throw new UnsupportedOperationException(); }

    /** Messages delivered since the server started. */
    public long messagesSent() { throw new UnsupportedOperationException(); }

    @Override
    public void close() {
        stop();
    }
}
