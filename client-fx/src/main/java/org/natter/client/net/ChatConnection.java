package org.natter.client.net;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.natter.client.net.ConnectionFailure.Kind;
import org.natter.client.net.trust.ClientSecurity;
import org.natter.client.net.trust.ServerIdentity;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.LoggedOut;
import org.natter.common.protocol.Login;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Logout;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.Names;
import org.natter.common.protocol.Parted;
import org.natter.common.protocol.ProtocolLimits;
import org.natter.common.protocol.Quit;
import org.natter.common.protocol.RoomState;
import org.natter.common.protocol.RoomSummary;
import org.natter.common.protocol.ServerFrame;
import org.natter.common.protocol.Texts;
import org.natter.common.protocol.TopicChanged;
import org.natter.common.protocol.Welcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client's connection to a Natter server: connect and log in, send, log out, quit; rooms and direct messages
 * (protocol version 2, which it logs in with). Every method returns at once and is thread-safe. A facade over the
 * parts that do the work:
 * <ul>
 *   <li>{@link ConnectionLifecycle}: the phases ({@link ConnectionPhase}) and every transition between them;</li>
 *   <li>{@link ReconnectPolicy}: backoff, jitter and when to give up;</li>
 *   <li>{@link InboundRouter}: where each frame from the server goes;</li>
 *   <li>{@link ChatRequests}: what a logged-in user asks of the server; {@link OpenRooms}: the rooms it is in;</li>
 *   <li>{@link ServerLink}: one socket, its reader thread and its waiting requests;</li>
 *   <li>{@link ListenerDispatch}: the event thread the {@link ClientListener}s run on.</li>
 * </ul>
 *
 * <p><b>Threads</b> (named {@code natter-client-ROLE-N}): the <i>connector</i> opens sockets and logs in, for the
 * first connect and for every reconnection attempt, and closes a quitting socket that lingers; one <i>writer</i>
 * writes every frame; one <i>reader</i> per socket routes the frames; one <i>events</i> thread runs the listeners.
 *
 * <p>When the connection drops while logged in, without a logout, quit or kick, it reconnects by itself and logs in
 * again under the same name. A {@code NAME_TAKEN} answer then is retried for as long as the server may still hold
 * the dropped session ({@link ConnectionSettings#serverIdleTimeout()}); a kick, a logout or a quit stop at once.
 * After that login it joins again the rooms it was in ({@code general} it is in anyway) and catches up: each
 * conversation gets what it missed, in order and once ({@link MessageLedger}, {@link CatchUp}).
 */
public final class ChatConnection implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChatConnection.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final Duration QUIT_GRACE = Duration.ofSeconds(2);
    /** A login the server holds for its operator waits as long as its link lasts; this only bounds the connector's wait. */
    private static final Duration WAITING_ROOM_PATIENCE = Duration.ofDays(365);

    private final ConnectionSettings settings;
    private final ClientSecurity security;
    /** The password of the latest {@link #connect}, kept for reconnections; {@code null} for none. */
    private volatile String password;
    private final int instance = INSTANCES.incrementAndGet();
    private final ScheduledExecutorService connector;
    private final ExecutorService writer;
    private final ListenerDispatch events;
    private final Roster roster = new Roster();
    private final OpenRooms rooms = new OpenRooms();
    private final ConnectionLifecycle lifecycle;
    private final InboundRouter router;
    private final ChatRequests requests;
    private final ChatHistory history;

    public ChatConnection() {
        this(ConnectionSettings.defaults());
    }

    public ChatConnection(ConnectionSettings settings) {
        this(settings, ClientSecurity.plain());
    }

    /**
     * A connection with TLS and certificate pinning ({@link ClientSecurity#tls}), as the Natter apps make it. The
     * other constructors make a plain-text connection, for tests and bots on a trusted network.
     */
    public ChatConnection(ConnectionSettings settings, ClientSecurity security) {
        this(settings, ReconnectPolicy.of(settings), security);
    }

    ChatConnection(ConnectionSettings settings, ReconnectPolicy policy) {
        this(settings, policy, ClientSecurity.plain());
    }

    ChatConnection(ConnectionSettings settings, ReconnectPolicy policy, ClientSecurity security) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.security = Objects.requireNonNull(security, "security");
        connector = Executors.newSingleThreadScheduledExecutor(named("connector"));
        writer = Executors.newSingleThreadExecutor(named("writer"));
        events = new ListenerDispatch(Executors.newSingleThreadExecutor(named("events")));
        lifecycle = new ConnectionLifecycle(events, roster, rooms, policy);
        TopicWaiters topics = new TopicWaiters();
        MessageLedger ledger = new MessageLedger(events);
        router = new InboundRouter(lifecycle, roster, rooms, topics, events, ledger, new CatchUp(ledger, settings));
        requests = new ChatRequests(lifecycle, rooms, topics, settings);
        history = new ChatHistory(lifecycle, ledger, settings);
    }

    public void addListener(ClientListener listener) {
        events.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(ClientListener listener) {
        events.remove(listener);
    }

    public ConnectionState state() {
        return lifecycle.state();
    }

    /** The name logged in with (as the server normalized it), or the one asked for; {@code null} before connect. */
    public String name() {
        return lifecycle.name();
    }

    /** The server of the latest {@link #connect}, or {@code null}. */
    public ServerAddress address() {
        return lifecycle.address();
    }

    /** The latest {@code welcome}, or {@code null}. */
    public Welcome welcome() {
        return lifecycle.welcome();
    }

    /** The logged-in names, sorted ignoring case; empty while not logged in. */
    public List<String> users() {
        return roster.snapshot();
    }

    /** The rooms this user is in, with topics and members, sorted by name ignoring case; empty while not logged in. */
    public List<OpenRoom> rooms() {
        return rooms.snapshot();
    }

    /**
     * The names of the rooms this user is in, sorted ignoring case, for a window to remember per server and
     * {@link #join} after its next connect. While reconnecting: the rooms it will join again once logged in.
     */
    public List<String> openRooms() {
        return rooms.names();
    }

    /**
     * Connects and logs in. Fails with a {@link ConnectionFailure} whose kind says why (UNREACHABLE, UNKNOWN_HOST,
     * TIMEOUT, NAME_TAKEN, INVALID_NAME, SERVER_FULL, ...); the connection is then DISCONNECTED again and can be
     * used for another attempt. The future completes on a reader or the connector thread.
     */
    public CompletableFuture<LoginOk> connect(ServerAddress server, String userName) {
        return connect(server, userName, null);
    }

    /**
     * Connects and logs in with the server's password, which is sent only when the server's {@code welcome} asks
     * for one, and only over TLS. Fails as {@link #connect(ServerAddress, String)} does, and also with
     * PASSWORD_NEEDED (the server asks for a password and {@code serverPassword} is {@code null}), BAD_PASSWORD,
     * NOT_TRUSTED (the certificate was refused), TLS_REQUIRED or NO_TLS. The password is kept for reconnections.
     *
     * @param serverPassword {@code null} for none
     */
    public CompletableFuture<LoginOk> connect(ServerAddress server, String userName, String serverPassword) {
        Objects.requireNonNull(server, "server");
        Optional<String> problem = Names.problem(userName);
        if (problem.isPresent()) {
            return CompletableFuture.failedFuture(new ConnectionFailure(Kind.INVALID_NAME, problem.get()));
        }
        String loginName = Names.normalize(userName);
        try {
            lifecycle.beginConnect(server, loginName);
            password = serverPassword;
        } catch (ConnectionFailure | IllegalStateException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<LoginOk> result = new CompletableFuture<>();
        try {
            connector.execute(() -> firstConnect(server, loginName, result));
        } catch (RejectedExecutionException e) {
            lifecycle.connectFailed();
            result.completeExceptionally(new ConnectionFailure(Kind.CLOSED, "The connection is closed."));
        }
        return result;
    }

    /**
     * Sends a chat message to {@code general}. Completes with the server's copy of it (the one everybody gets), or
     * fails with a {@link ConnectionFailure}: REFUSED (with the code, such as RATE_LIMITED), NOT_LOGGED_IN, LOST or
     * TIMEOUT. The future completes on the reader thread.
     *
     * @throws IllegalArgumentException in the future, when the text breaks the {@link Texts} rules
     */
    public CompletableFuture<Message> send(String text) {
        return requests.say(null, text);
    }

    /**
     * Sends a message to a room this user is in; as {@link #send}, and REFUSED with NOT_IN_ROOM or NO_SUCH_ROOM.
     *
     * @throws IllegalArgumentException in the future, for a bad text or room name (written without {@code #})
     */
    public CompletableFuture<Message> say(String room, String text) {
        return requests.say(Objects.requireNonNull(room, "room"), text);
    }

    /**
     * Sends a direct message to one user; completes with this user's copy (its {@code to} set). REFUSED with
     * NO_SUCH_USER when nobody has that name, UNSUPPORTED when the user's app is too old for direct messages.
     */
    public CompletableFuture<Message> sayTo(String user, String text) {
        return requests.sayTo(Objects.requireNonNull(user, "user"), text);
    }

    /**
     * Enters a room, which the server creates if it may; completes with its state once {@link #rooms()} has it.
     * REFUSED with NO_SUCH_ROOM, TOO_MANY_ROOMS or ROOM_FULL.
     */
    public CompletableFuture<RoomState> join(String room) {
        return requests.join(Objects.requireNonNull(room, "room"));
    }

    /** Leaves a room and stays connected; REFUSED with NOT_IN_ROOM or NO_SUCH_ROOM. */
    public CompletableFuture<Parted> part(String room) {
        return requests.part(Objects.requireNonNull(room, "room"));
    }

    /** Every room of the server with its topic and number of members, sorted by name ignoring case. */
    public CompletableFuture<List<RoomSummary>> listRooms() {
        return requests.listRooms();
    }

    /**
     * Sets the topic of a room this user is in (an empty text clears it); completes with the change everybody in it
     * gets. REFUSED with FORBIDDEN when someone else created the room, NOT_IN_ROOM (refused here) when this user
     * is not in it.
     */
    public CompletableFuture<TopicChanged> setTopic(String room, String text) {
        return requests.setTopic(Objects.requireNonNull(room, "room"), Objects.requireNonNull(text, "text"));
    }

    /** Pages of a conversation's history and search, for scrollback and a search box. */
    public ChatHistory history() {
        return history;
    }

    /**
     * Logs out; the connection stays open, CONNECTED, until {@link #quit}. While RECONNECTING it just stops trying.
     */
    public CompletableFuture<Void> logout() {
        Link current;
        try {
            current = lifecycle.logoutRequested();
        } catch (ConnectionFailure notLoggedIn) {
            return CompletableFuture.failedFuture(notLoggedIn);
        }
        if (current == null) {
            // A reconnection was stopped; an attempt's socket, if one is open, goes too.
            return quit();
        }
        return Replies.expect(current.request(Logout::new), LoggedOut.class, settings.replyTimeout())
                .thenApply(loggedOut -> null);
    }

    /** Says {@code quit} (when connected) and closes; completes when the connection is DISCONNECTED. */
    public CompletableFuture<Void> quit() {
        Link current = lifecycle.quit();
        if (current == null) {
            return CompletableFuture.completedFuture(null);
        }
        current.write(new Quit(null));
        current.closeAfterWrites();
        // A server that does not close its side is not waited for long.
        try {
            connector.schedule(current::close, QUIT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            current.close();
        }
        return current.ended();
    }

    /**
     * While RECONNECTING and waiting out the backoff, makes the next attempt now (the person pressed "Retry now").
     * Does nothing otherwise. The attempt that was scheduled finds it is no longer wanted when its time comes.
     */
    public void retryNow() {
        lifecycle.waitingAttempt().ifPresent(attempt -> {
            try {
                connector.execute(() -> reconnect(attempt));
            } catch (RejectedExecutionException closed) {
                LOG.debug("No reconnection: the connection is closed");
            }
        });
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
        Link open = lifecycle.close();
        if (open != null) {
            open.close();
        }
        connector.shutdownNow();
        writer.shutdown();
        events.shutdown();
    }

    /** Connector thread. */
    private void firstConnect(ServerAddress server, String loginName, CompletableFuture<LoginOk> result) {
        try {
            result.complete(establish(server, loginName));
        } catch (ConnectionFailure failure) {
            lifecycle.connectFailed();
            result.completeExceptionally(failure);
        }
    }

    /** Connector thread: attempt {@code attempt} after a drop, if it is still wanted. */
    private void reconnect(int attempt) {
        lifecycle.beginAttempt(attempt).ifPresent(phase -> {
            try {
                establish(phase.address(), phase.name());
            } catch (ConnectionFailure failure) {
                lifecycle.attemptFailed(failure).ifPresent(this::schedule);
            }
        });
    }

    private void schedule(ReconnectPolicy.Retry retry) {
        try {
            connector.schedule(() -> reconnect(retry.attempt()), retry.delay().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            LOG.debug("No reconnection: the connection is closed");
        }
    }

    /**
     * Connector thread: opens a socket, waits for the welcome, logs in. The reader routes the {@code login_ok} to the
     * lifecycle before the reply completes here. On failure the socket is closed.
     */
    private LoginOk establish(ServerAddress target, String loginName) throws ConnectionFailure {
        ServerLink link = trustedLink(target);
        if (!lifecycle.linkOpened(link)) {
            link.close();
            throw new ConnectionFailure(Kind.CLOSED, "Closed while connecting.");
        }
        link.start();
        try {
            Welcome welcome = Replies.await(link.welcome(), settings.replyTimeout());
            String secret = password;
            if (welcome.needsPassword() && secret == null) {
                throw new ConnectionFailure(Kind.PASSWORD_NEEDED, null, "The server asks for a password.", null);
            }
            String sent = welcome.needsPassword() ? secret : null;
            ServerFrame reply = awaitLogin(link,
                    link.request(id -> new Login(id, loginName, ProtocolLimits.PROTOCOL_VERSION, sent)));
            if (reply instanceof ErrorReply error) {
                throw new ConnectionFailure(ConnectionFailure.kindOf(error.code()), error.code(), error.message(), null);
            }
            return (LoginOk) reply;
        } catch (ConnectionFailure failure) {
            link.close();
            throw failure;
        }
    }

    /**
     * Connector thread: a socket whose certificate is pinned for {@code target} (or a plain one). A certificate not
     * pinned yet, or a changed one, is put to the {@link org.natter.client.net.trust.TrustDecider} with the socket
     * closed, since the person may take a while; after a yes it is pinned and the socket opened again, and it must
     * show the same certificate.
     */
    private ServerLink trustedLink(ServerAddress target) throws ConnectionFailure {
        ServerLink link = openLink(target);
        if (!security.usesTls()) {
            return link;
        }
        String shown = link.fingerprint();
        String pinned = security.pins().pinned(target).orElse(null);
        if (shown.equals(pinned)) {
            return link;
        }
        link.close();
        boolean trusted;
        try {
            trusted = Boolean.TRUE.equals(security.decider().decide(new ServerIdentity(target, shown, pinned)).get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionFailure(Kind.CLOSED, "Closed while deciding whether to trust the server.");
        } catch (ExecutionException e) {
            LOG.warn("Deciding whether to trust {} failed", target, e.getCause());
            trusted = false;
        }
        if (!trusted) {
            throw new ConnectionFailure(Kind.NOT_TRUSTED, null, pinned == null
                    ? "The certificate of " + target + " was not trusted."
                    : "The certificate of " + target + " has changed and the new one was not trusted.", null);
        }
        security.pins().pin(target, shown);
        ServerLink again = openLink(target);
        if (!shown.equals(again.fingerprint())) {
            again.close();
            throw new ConnectionFailure(Kind.NOT_TRUSTED, null,
                    "The certificate of " + target + " changed again while you were deciding.", null);
        }
        return again;
    }

    private ServerLink openLink(ServerAddress target) throws ConnectionFailure {
        return ServerLink.open(target, settings, security, writer, "natter-client-reader-" + instance,
                router::route, this::linkEnded);
    }

    /**
     * Connector thread: the answer to a login. A login the server holds for its operator ({@code waiting}) has no time
     * limit: it ends with their answer, or with the link (a close while waiting fails the request).
     */
    private ServerFrame awaitLogin(ServerLink link, CompletableFuture<ServerFrame> answer) throws ConnectionFailure {
        try {
            return Replies.await(answer, settings.replyTimeout());
        } catch (ConnectionFailure failure) {
            if (failure.kind() != Kind.TIMEOUT || !lifecycle.isWaiting(link)) {
                throw failure;
            }
            return Replies.await(answer, WAITING_ROOM_PATIENCE);
        }
    }

    /** Reader thread of a link that has ended, after its waiting requests have failed. */
    private void linkEnded(Link ended, String cause) {
        lifecycle.linkEnded(ended, cause).ifPresent(this::schedule);
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
        return "ChatConnection[" + name() + " @ " + address() + ", " + state() + "]";
    }
}
