package org.natter.client.net;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.natter.client.net.ConnectionFailure.Kind;
import org.natter.common.protocol.Announcement;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.Joined;
import org.natter.common.protocol.Kicked;
import org.natter.common.protocol.Left;
import org.natter.common.protocol.LoggedOut;
import org.natter.common.protocol.Login;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Logout;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.Names;
import org.natter.common.protocol.Ping;
import org.natter.common.protocol.Pong;
import org.natter.common.protocol.Quit;
import org.natter.common.protocol.Say;
import org.natter.common.protocol.ServerFrame;
import org.natter.common.protocol.Texts;
import org.natter.common.protocol.Welcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client's connection to a Natter server: connect and log in, send, log out, quit. Every method returns at once;
 * the work runs on the connection's own named threads (a connector for connecting and reconnecting, one writer, one
 * reader per socket, one event thread for the {@link ClientListener}s). Thread-safe.
 *
 * <p>When the connection drops while logged in, without a logout, quit or kick, it reconnects by itself with
 * exponential backoff and jitter ({@link ConnectionSettings}) and logs in again under the same name; a kick, a
 * NAME_TAKEN on the new login, a logout or a quit stop that.
 */
public final class ChatConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChatConnection.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final Duration QUIT_GRACE = Duration.ofSeconds(2);

    private final ConnectionSettings settings;
    private final int instance = INSTANCES.incrementAndGet();
    private final ScheduledExecutorService connector;
    private final ExecutorService writer;
    private final ListenerDispatch events;
    private final Roster roster = new Roster();
    private final Object lock = new Object();

    // All guarded by lock.
    private ConnectionState state = ConnectionState.DISCONNECTED;
    private ServerLink link;
    private ServerAddress address;
    private String name;
    private Welcome welcome;
    /** Stay logged in: set by a successful login, cleared by logout, quit, kick and close. */
    private boolean online;
    /** A connect-and-login sequence is running on the connector; it handles its own failures. */
    private boolean establishing;
    private int attempts;
    private Future<?> retry;
    private DisconnectReason endReason;
    private String endDetail;
    private boolean closed;

    public ChatConnection() {
        this(ConnectionSettings.defaults());
    }

    public ChatConnection(ConnectionSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        connector = Executors.newSingleThreadScheduledExecutor(named("connector"));
        writer = Executors.newSingleThreadExecutor(named("writer"));
        events = new ListenerDispatch(Executors.newSingleThreadExecutor(named("events")));
    }

    public void addListener(ClientListener listener) {
        events.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(ClientListener listener) {
        events.remove(listener);
    }

    public ConnectionState state() {
        synchronized (lock) {
            return state;
        }
    }

    /** The name logged in with (as the server normalized it), or the one asked for; {@code null} before connect. */
    public String name() {
        synchronized (lock) {
            return name;
        }
    }

    /** The server of the latest {@link #connect}, or {@code null}. */
    public ServerAddress address() {
        synchronized (lock) {
            return address;
        }
    }

    /** The latest {@code welcome}, or {@code null}. */
    public Welcome welcome() {
        synchronized (lock) {
            return welcome;
        }
    }

    /** The logged-in names, sorted ignoring case; empty while not logged in. */
    public List<String> users() {
        return roster.snapshot();
    }

    /**
     * Connects and logs in. Fails with a {@link ConnectionFailure} whose kind says why (UNREACHABLE, UNKNOWN_HOST,
     * TIMEOUT, NAME_TAKEN, INVALID_NAME, SERVER_FULL, ...); the connection is then DISCONNECTED again and can be
     * used for another attempt.
     */
    public CompletableFuture<LoginOk> connect(ServerAddress server, String userName) {
        Objects.requireNonNull(server, "server");
        Optional<String> problem = Names.problem(userName);
        if (problem.isPresent()) {
            return CompletableFuture.failedFuture(new ConnectionFailure(Kind.INVALID_NAME, problem.get()));
        }
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(new ConnectionFailure(Kind.CLOSED, "The connection is closed."));
            }
            if (state != ConnectionState.DISCONNECTED) {
                return CompletableFuture.failedFuture(new IllegalStateException("Already " + state));
            }
            address = server;
            name = Names.normalize(userName);
            online = false;
            attempts = 0;
            endReason = null;
            endDetail = "";
            establishing = true;
            setState(ConnectionState.CONNECTING);
        }
        CompletableFuture<LoginOk> result = new CompletableFuture<>();
        try {
            connector.execute(() -> {
                try {
                    result.complete(establish());
                } catch (ConnectionFailure failure) {
                    synchronized (lock) {
                        establishing = false;
                        setState(ConnectionState.DISCONNECTED);
                    }
                    result.completeExceptionally(failure);
                }
            });
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(new ConnectionFailure(Kind.CLOSED, "The connection is closed."));
        }
        return result;
    }

    /**
     * Sends a chat message. Completes with the server's copy of it (the one everybody gets), or fails with a
     * {@link ConnectionFailure}: REFUSED (with the code, such as RATE_LIMITED), NOT_LOGGED_IN, LOST or TIMEOUT.
     *
     * @throws IllegalArgumentException in the future, when the text breaks the {@link Texts} rules
     */
    public CompletableFuture<Message> send(String text) {
        Optional<String> problem = Texts.problem(text);
        if (problem.isPresent()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(problem.get()));
        }
        ServerLink current = loggedInLink();
        if (current == null) {
            return CompletableFuture.failedFuture(new ConnectionFailure(Kind.NOT_LOGGED_IN, "Not logged in."));
        }
        return Replies.expect(current.request(id -> new Say(id, text)), Message.class, settings.replyTimeout());
    }

    /**
     * Logs out; the connection stays open, CONNECTED, until {@link #quit}. While RECONNECTING it just stops trying.
     */
    public CompletableFuture<Void> logout() {
        ServerLink current;
        synchronized (lock) {
            if (state == ConnectionState.RECONNECTING) {
                stopSession(DisconnectReason.QUIT, "");
                return CompletableFuture.completedFuture(null);
            }
            current = state == ConnectionState.LOGGED_IN ? link : null;
            if (current == null) {
                return CompletableFuture.failedFuture(new ConnectionFailure(Kind.NOT_LOGGED_IN, "Not logged in."));
            }
            online = false;
        }
        return Replies.expect(current.request(Logout::new), LoggedOut.class, settings.replyTimeout())
                .thenApply(loggedOut -> null);
    }

    /** Says {@code quit} (when connected) and closes; completes when the connection is DISCONNECTED. */
    public CompletableFuture<Void> quit() {
        ServerLink current;
        synchronized (lock) {
            online = false;
            establishing = false;
            cancelRetry();
            current = link;
            if (current == null) {
                if (state != ConnectionState.DISCONNECTED) {
                    stopSession(DisconnectReason.QUIT, "");
                }
                return CompletableFuture.completedFuture(null);
            }
            if (endReason == null) {
                endReason = DisconnectReason.QUIT;
            }
        }
        current.write(new Quit(null));
        current.closeAfterWrites();
        // A server that does not close its side is not waited for long.
        try {
            connector.schedule(current::close, QUIT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            current.close();
        }
        return current.ended;
    }

    /** Quits and then ends the connection's threads; the connection cannot be used again. Never blocks. */
    public CompletableFuture<Void> closeInBackground() {
        return quit().completeOnTimeout(null, QUIT_GRACE.toMillis() + 500, TimeUnit.MILLISECONDS)
                .exceptionally(failure -> null)
                .thenRun(this::release);
    }

    /** Quits and ends the connection's threads, waiting a few seconds at most. */
    @Override
    public void close() {
        try {
            closeInBackground().get(QUIT_GRACE.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            release();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("Closing took too long: {}", e.toString());
            release();
        }
    }

    private void release() {
        ServerLink current;
        synchronized (lock) {
            closed = true;
            current = link;
        }
        if (current != null) {
            current.close();
        }
        connector.shutdownNow();
        writer.shutdown();
        events.shutdown();
    }

    /** Runs on the connector: open a socket, wait for welcome, log in. The reader's LoginOk handler finishes it. */
    private LoginOk establish() throws ConnectionFailure {
        ServerAddress target;
        String loginName;
        synchronized (lock) {
            target = address;
            loginName = name;
        }
        ServerLink opened = ServerLink.open(target, settings, writer, "natter-client-reader-" + instance,
                this::handle, this::linkEnded);
        synchronized (lock) {
            if (closed || !establishing) {
                opened.close();
                throw new ConnectionFailure(Kind.CLOSED, "Closed while connecting.");
            }
            link = opened;
        }
        opened.start();
        try {
            Welcome greeting = Replies.await(opened.welcome, settings.replyTimeout());
            synchronized (lock) {
                welcome = greeting;
                if (state == ConnectionState.CONNECTING) {
                    setState(ConnectionState.CONNECTED);
                }
            }
            ServerFrame reply = Replies.await(opened.request(id -> new Login(id, loginName)), settings.replyTimeout());
            if (reply instanceof ErrorReply error) {
                throw new ConnectionFailure(ConnectionFailure.kindOf(error.code()), error.code(), error.message(), null);
            }
            return (LoginOk) reply;
        } catch (ConnectionFailure failure) {
            synchronized (lock) {
                if (link == opened) {
                    link = null;
                }
            }
            opened.close();
            throw failure;
        }
    }

    /** Runs on a reader thread for every frame. */
    private void handle(ServerLink from, ServerFrame frame) {
        if (frame instanceof Welcome greeting) {
            from.welcome.complete(greeting);
            events.dispatch(listener -> listener.onWelcome(greeting));
        } else if (frame instanceof LoginOk ok) {
            loggedIn(from, ok);
            from.answer(ok.re(), ok);
        } else if (frame instanceof Message message) {
            events.dispatch(listener -> listener.onMessage(message));
            from.answer(message.re(), message);
        } else if (frame instanceof Joined joined) {
            List<String> users = roster.add(joined.name());
            events.dispatch(listener -> listener.onJoined(joined));
            events.dispatch(listener -> listener.onUsersChanged(users));
        } else if (frame instanceof Left left) {
            List<String> users = roster.remove(left.name());
            events.dispatch(listener -> listener.onLeft(left));
            events.dispatch(listener -> listener.onUsersChanged(users));
        } else if (frame instanceof LoggedOut loggedOut) {
            synchronized (lock) {
                online = false;
                setState(ConnectionState.CONNECTED);
            }
            List<String> users = roster.clear();
            events.dispatch(listener -> listener.onUsersChanged(users));
            from.answer(loggedOut.re(), loggedOut);
        } else if (frame instanceof Kicked kicked) {
            synchronized (lock) {
                online = false;
                endReason = DisconnectReason.KICKED;
                endDetail = kicked.reason() == null ? "" : kicked.reason();
            }
            events.dispatch(listener -> listener.onKicked(kicked.reason()));
        } else if (frame instanceof Announcement announcement) {
            events.dispatch(listener -> listener.onAnnouncement(announcement));
        } else if (frame instanceof ErrorReply error) {
            if (!from.answer(error.re(), error)) {
                events.dispatch(listener -> listener.onError(error));
            }
        } else if (frame instanceof Ping ping) {
            from.write(new Pong(ping.id()));
        } else if (frame instanceof Pong pong) {
            from.answer(pong.re(), pong);
        }
    }

    private void loggedIn(ServerLink from, LoginOk ok) {
        boolean again;
        synchronized (lock) {
            if (from != link) {
                return;
            }
            again = state == ConnectionState.RECONNECTING;
            name = ok.name();
            online = true;
            establishing = false;
            attempts = 0;
            setState(ConnectionState.LOGGED_IN);
        }
        List<String> users = roster.replace(ok.users());
        events.dispatch(listener -> listener.onLoggedIn(ok, again));
        events.dispatch(listener -> listener.onUsersChanged(users));
    }

    /** Runs on the reader thread of a link that has ended, after its waiting requests have failed. */
    private void linkEnded(ServerLink ended, String cause) {
        synchronized (lock) {
            if (ended != link) {
                return;
            }
            link = null;
            if (establishing) {
                return;
            }
            roster.clear();
            if (online && !closed) {
                LOG.info("Connection to {} lost ({}); reconnecting", address, cause);
                setState(ConnectionState.RECONNECTING);
                events.dispatch(listener -> listener.onConnectionLost(cause));
                events.dispatch(listener -> listener.onUsersChanged(List.of()));
                scheduleRetry();
            } else {
                stopSession(endReason == null ? DisconnectReason.LOST : endReason, endReason == null ? cause : endDetail);
            }
        }
    }

    private void scheduleRetry() {
        attempts++;
        if (settings.maxAttempts() > 0 && attempts > settings.maxAttempts()) {
            stopSession(DisconnectReason.LOST, "Gave up reconnecting after " + settings.maxAttempts() + " attempts.");
            return;
        }
        int attempt = attempts;
        Duration delay = settings.retryDelay(attempt);
        events.dispatch(listener -> listener.onReconnecting(attempt, delay));
        try {
            retry = connector.schedule(this::retryNow, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            stopSession(DisconnectReason.QUIT, "");
        }
    }

    private void retryNow() {
        synchronized (lock) {
            if (closed || !online || state != ConnectionState.RECONNECTING) {
                return;
            }
            establishing = true;
        }
        try {
            establish();
        } catch (ConnectionFailure failure) {
            synchronized (lock) {
                establishing = false;
                if (closed || !online || state != ConnectionState.RECONNECTING) {
                    return;
                }
                LOG.info("Reconnection attempt {} to {} failed: {}", attempts, address, failure.getMessage());
                if (failure.kind() == Kind.NAME_TAKEN || failure.kind() == Kind.INVALID_NAME) {
                    stopSession(DisconnectReason.NAME_TAKEN, failure.getMessage());
                } else {
                    scheduleRetry();
                }
            }
        }
    }

    /** Called with the lock held: the session is over. */
    private void stopSession(DisconnectReason reason, String detail) {
        online = false;
        cancelRetry();
        roster.clear();
        setState(ConnectionState.DISCONNECTED);
        events.dispatch(listener -> listener.onDisconnected(reason, detail));
    }

    private void cancelRetry() {
        if (retry != null) {
            retry.cancel(false);
            retry = null;
        }
    }

    private ServerLink loggedInLink() {
        synchronized (lock) {
            return state == ConnectionState.LOGGED_IN ? link : null;
        }
    }

    /** Called with the lock held, so that state events reach the listeners in the order of the changes. */
    private void setState(ConnectionState newState) {
        if (state != newState) {
            state = newState;
            events.dispatch(listener -> listener.onStateChanged(newState));
        }
    }

    private ThreadFactory named(String role) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "natter-client-" + role + "-" + instance
                    + (count.incrementAndGet() > 1 ? "-" + count.get() : ""));
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "ChatConnection[" + name + " @ " + address + ", " + state + "]";
        }
    }
}
