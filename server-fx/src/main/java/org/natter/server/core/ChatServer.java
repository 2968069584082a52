package org.natter.server.core;

import io.netty.channel.Channel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.natter.common.model.ChatMessage;
import org.natter.common.model.ConnectedUser;
import org.natter.common.model.PendingHost;
import org.natter.common.model.RoomInfo;
import org.natter.server.core.moderation.AuditAction;
import org.natter.server.core.moderation.AuditEntry;
import org.natter.server.core.moderation.AuditSource;
import org.natter.server.core.moderation.Sanction;
import org.natter.common.model.ServerEvent;
import org.natter.common.model.ServerState;
import org.natter.common.protocol.Texts;
import org.natter.server.core.room.DeliveryBacklog;
import org.natter.server.core.security.PasswordGate;
import org.natter.server.core.security.ServerSecurity;

/**
 * A Natter chat server: its lifecycle and the operator's plain Java API (list, kick, drop, announce).
 *
 * <p>All methods are thread-safe. {@link #start} and {@link #stop} block briefly (binding, closing connections);
 * a UI calls {@link #startInBackground} / {@link #stopInBackground} instead. Neither may be called from a
 * {@link ServerListener} callback. The server can be started again after a stop; {@link #close} ends it for good.
 */
public final class ChatServer implements AutoCloseable {

    private static final long STOP_WAIT_MILLIS = 5_000;

    private final ReentrantLock lifecycle = new ReentrantLock();
    private final MessageStore store;
    private final Moderation moderation;
    private final OperatorAudit audit;
    private final AtomicReference<ServerSettings> settings;
    private final ServerEvents events = new ServerEvents();
    private final AtomicReference<ServerSecurity> security;
    private final PasswordGate passwords = new PasswordGate();
    private final ExecutorService control = Executors.newSingleThreadExecutor(
            new DefaultThreadFactory("natter-server-control", true));

    private volatile ServerState state = ServerState.STOPPED;
    private volatile SessionRegistry registry;
    private volatile int port = -1;
    private volatile Instant startedAt;
    private ChatTransport transport;
    private Channel listener;

    /** A server that keeps its messages in memory, for one run: for tests and the demo. */
    public ChatServer(ServerSettings settings) {
        this(settings, new MemoryMessageStore());
    }

    /** A server with TLS and maybe a password that keeps its messages in memory: for tests and the demo. */
    public ChatServer(ServerSettings settings, ServerSecurity security) {
        this(settings, new MemoryMessageStore(), security);
    }

    /**
     * @param store where messages are kept; the server closes it in {@link #close}. Commits reach the running
     *              registry, which delivers each message once it is stored.
     */
    public ChatServer(ServerSettings settings, MessageStore store) {
        this(settings, store, ServerSecurity.plainOnly());
    }

    /**
     * A server with TLS and maybe a password. The constructors without it make a plain-text server
     * ({@link ServerSecurity#plainOnly()}): that keeps servers made in code (tests, embedding) free of certificates and
     * of the half-second TLS detection; the shipped apps always pass their security.
     */
    public ChatServer(ServerSettings settings, MessageStore store, ServerSecurity security) {
        this(settings, store, Clock.systemUTC(), security);
    }

    /** @param clock when bans and mutes end is read from it (tests move it by hand) */
    ChatServer(ServerSettings settings, MessageStore store, Clock clock) {
        this(settings, store, clock, ServerSecurity.plainOnly());
    }

    private ChatServer(ServerSettings settings, MessageStore store, Clock clock, ServerSecurity security) {
        this.security = new AtomicReference<>(java.util.Objects.requireNonNull(security, "security"));
        this.settings = new AtomicReference<>(settings);
        this.store = store;
        this.moderation = new Moderation(store, clock);
        this.audit = new OperatorAudit(store, clock);
        store.onCommitted(id -> {
            SessionRegistry current = registry;
            if (current != null) {
                current.committed(id);
            }
        });
    }

    /** The settings in force, including the latest {@link #updateInfo} changes. */
    public ServerSettings settings() {
        return settings.get();
    }

    /** Changes the server name and welcome text; new connections and logins see them at once. */
    public void updateInfo(String serverName, String welcomeText) {
        ServerSettings before = settings.getAndUpdate(s -> s.withInfo(serverName, welcomeText));
        ServerSettings after = settings.get();
        audit.recordIf(!before.serverName().equals(after.serverName()), AuditAction.SETTING_CHANGED, "server name",
                after.serverName());
        audit.recordIf(!before.welcomeText().equals(after.welcomeText()), AuditAction.SETTING_CHANGED, "welcome text",
                after.welcomeText());
    }

    /**
     * Says where the operator's actions come from from now on, for the audit trail: the admin window or the console
     * (a program that uses this class directly is {@link AuditSource#PROGRAM}, the default).
     */
    public void setAuditSource(AuditSource source) {
        audit.setSource(source);
    }

    /**
     * The latest {@code limit} operator actions (kick, ban, admit, announcement, room and setting changes, ...),
     * newest first; kept in the store (across restarts), or in memory (the last 10,000) without one. Completes on
     * the store's thread.
     */
    public CompletableFuture<List<AuditEntry>> auditTrail(int limit) {
        return audit.latest(limit);
    }

    /** The security in force: TLS, certificate, password. */
    public ServerSecurity security() {
        return security.get();
    }

    /**
     * Changes the security for connections made from now on (those open keep theirs). Any thread; it does no I/O,
     * but building the TLS context for a new certificate took place when {@code newSecurity} was made.
     */
    public void setSecurity(ServerSecurity newSecurity) {
        security.set(java.util.Objects.requireNonNull(newSecurity, "newSecurity"));
    }

    /** Changes the security atomically from what it is now (settings changed from several threads stay consistent). */
    public ServerSecurity updateSecurity(java.util.function.UnaryOperator<ServerSecurity> change) {
        return security.updateAndGet(current -> java.util.Objects.requireNonNull(change.apply(current), "security"));
    }

    public void addListener(ServerListener listener) {
        events.add(listener);
    }

    public void removeListener(ServerListener listener) {
        events.remove(listener);
    }

    public ServerState state() {
        return state;
    }

    /** The port it listens on, or -1 when not running. */
    public int port() {
        return port;
    }

    /** When the running server started, or {@code null}. */
    public Instant startedAt() {
        return startedAt;
    }

    /**
     * Starts listening; blocks until bound. Idempotent: when already running it returns the current port.
     *
     * @param requestedPort the port, 0 for any free one
     * @return the real port
     * @throws ServerStartException with a sentence for the operator when the port cannot be bound
     */
    public int start(int requestedPort) {
        lifecycle.lock();
        try {
            if (state == ServerState.RUNNING) {
                return port;
            }
            ServerSettings current = settings.updateAndGet(s -> s.withPort(requestedPort));
            setState(ServerState.STARTING);
            transport = new ChatTransport();
            // The chat's sequencer is pinned to one I/O thread: see SessionRegistry for the order it gives.
            SessionRegistry newRegistry = new SessionRegistry(transport.anyWorker(), events, settings::get, store, moderation);
            try {
                listener = transport.bind(current, new ChatServerInitializer(newRegistry, events, settings::get, security::get, passwords));
            } catch (Exception e) {
                shutDownThreads();
                setState(ServerState.STOPPED);
                String message = ChatTransport.describeBindFailure(e, requestedPort);
                events.publish(new ServerEvent.Failure(Instant.now(), message));
                awaitListeners();
                throw new ServerStartException(message, e);
            }
            registry = newRegistry;
            port = ((InetSocketAddress) listener.localAddress()).getPort();
            startedAt = Instant.now();
            setState(ServerState.RUNNING);
            events.publish(new ServerEvent.Started(startedAt, port));
            return port;
        } finally {
            lifecycle.unlock();
        }
    }

    /** Tells every user {@code left}/server_stopped, closes every connection and clears all state. Idempotent. */
    public void stop() {
        lifecycle.lock();
        try {
            if (state != ServerState.RUNNING) {
                return;
            }
            setState(ServerState.STOPPING);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_WAIT_MILLIS);
            listener.close().awaitUninterruptibly(STOP_WAIT_MILLIS);
            SessionRegistry closing = registry;
            List<Session> open = closing.callInSequence(closing::closeAll);
            for (Session session : open) {
                long left = Math.max(0, deadline - System.nanoTime());
                session.channel().closeFuture().awaitUninterruptibly(TimeUnit.NANOSECONDS.toMillis(left));
            }
            shutDownThreads();
            listener = null;
            registry = null;
            port = -1;
            startedAt = null;
            events.publish(new ServerEvent.Stopped(Instant.now()));
            setState(ServerState.STOPPED);
            awaitListeners();
        } finally {
            lifecycle.unlock();
        }
    }

    /** Connections open now, pending hosts and users; 0 when stopped. */
    public int connectionCount() {
        SessionRegistry current = registry;
        return current == null ? 0 : current.connectionCount();
    }

    /** {@link #start} on the server's own control thread; fails with {@link ServerStartException}. */
    public CompletableFuture<Integer> startInBackground(int requestedPort) {
        return CompletableFuture.supplyAsync(() -> start(requestedPort), control);
    }

    /** {@link #stop} on the server's own control thread. */
    public CompletableFuture<Void> stopInBackground() {
        return CompletableFuture.runAsync(this::stop, control);
    }

    /** A snapshot of the pending hosts, oldest first; empty when stopped. */
    public List<PendingHost> pendingHosts() {
        SessionRegistry current = registry;
        return current == null ? List.of() : current.pendingHosts();
    }

    /** A snapshot of the logged-in users, sorted by name ignoring case; empty when stopped. */
    public List<ConnectedUser> users() {
        SessionRegistry current = registry;
        return current == null ? List.of() : current.users();
    }

    /** The backpressure of the current run (its counters), or null when stopped; for tests. */
    DeliveryBacklog backlog() {
        SessionRegistry current = registry;
        return current == null ? null : current.outbox().backlog();
    }

    /**
     * Removes a user: it gets {@code kicked} with the reason, the others {@code left} with reason {@code kicked}
     * (without the reason), then its connection closes, at the latest {@link Session#CLOSE_GRACE} later if the
     * client does not read. Blocks briefly for the chat's sequencer.
     *
     * @param reason shown to the removed user only; may be empty; at most 200 characters
     * @return false if no such user is logged in
     * @throws IllegalArgumentException when the reason is too long or holds control characters
     */
    public boolean kick(String name, String reason) {
        String why = KickReasons.clean(reason);
        return audit.recordIf(OperatorActions.kick(registry, name, why), AuditAction.KICK, name, why);
    }

    /** Closes a pending host's connection. False if no such pending host. */
    public boolean dropPending(long connectionId) {
        return audit.recordIf(OperatorActions.dropPending(registry, connectionId), AuditAction.DROP,
                "connection " + connectionId, "");
    }

    /**
     * Sends an announcement to every logged-in user.
     *
     * @return how many users it reached (0 when stopped)
     * @throws IllegalArgumentException when the text breaks the text rules; the message says why
     */
    public int announce(String text) {
        return announce(null, text);
    }

    /**
     * Sends an announcement to the members of one room.
     *
     * @return how many users it reached (0 when stopped)
     * @throws IllegalArgumentException when the text breaks the text rules or there is no such room
     */
    public int announce(String room, String text) {
        Texts.problem(text).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        SessionRegistry current = registry;
        int reached = current == null ? 0 : current.callInSequence(
                () -> room == null ? current.announce(text) : current.rooms().announce(room, text));
        audit.recordIf(current != null, AuditAction.ANNOUNCE, room == null ? "" : room, text);
        return reached;
    }

    /** A snapshot of the rooms, sorted by name ignoring case; empty when stopped. Blocks briefly. */
    public List<RoomInfo> rooms() {
        SessionRegistry current = registry;
        return current == null ? List.of() : current.callInSequence(() -> current.rooms().snapshot());
    }

    /**
     * Creates a room that stays when empty (until deleted).
     *
     * @param topic may be empty
     * @throws IllegalArgumentException with a sentence when the name or topic breaks the rules or the room exists
     * @throws IllegalStateException when the server is not running
     */
    public RoomInfo createRoom(String name, String topic) {
        SessionRegistry current = running();
        RoomInfo room = current.callInSequence(() -> current.rooms().create(name, topic));
        audit.record(AuditAction.ROOM_CREATED, room.name(), room.topic());
        return room;
    }

    /**
     * Deletes a room; each member receives {@code left} with reason {@code room_closed}.
     *
     * @return false if there is no such room
     * @throws IllegalArgumentException for {@code general}, which cannot be deleted
     */
    public boolean deleteRoom(String name) {
        SessionRegistry current = registry;
        return audit.recordIf(current != null && current.callInSequence(() -> current.rooms().delete(name)),
                AuditAction.ROOM_DELETED, name, "");
    }

    /**
     * Sets a room's topic as the operator (any room); an empty text clears it.
     *
     * @throws IllegalArgumentException when there is no such room or the topic breaks the rules
     */
    public void setTopic(String room, String text) {
        SessionRegistry current = running();
        current.callInSequence(() -> {
            current.rooms().setTopicAsOperator(room, text == null ? "" : text);
            return null;
        });
        audit.record(AuditAction.ROOM_CHANGED, room, "topic: " + (text == null ? "" : text));
    }

    /**
     * Makes a room moderated (only the users {@linkplain #allowToWrite allowed} may post; the others get FORBIDDEN)
     * or open again. Its members are told in an announcement to the room.
     *
     * @throws IllegalArgumentException when there is no such room
     * @throws IllegalStateException when the server is not running
     */
    public RoomInfo setModerated(String room, boolean on) {
        RoomInfo info = RoomModeration.setModerated(registry, room, on);
        audit.record(AuditAction.ROOM_CHANGED, info.name(), on ? "moderated" : "not moderated");
        return info;
    }

    /**
     * Lets a user write in a moderated room, or no longer ({@code allowed} false); kept while the room exists.
     *
     * @throws IllegalArgumentException when there is no such room, the name is not valid or the list is full
     */
    public RoomInfo allowToWrite(String room, String name, boolean allowed) {
        RoomInfo info = RoomModeration.allow(registry, room, name, allowed);
        audit.record(AuditAction.ROOM_CHANGED, info.name(), (allowed ? "may write: " : "may no longer write: ") + name);
        return info;
    }

    /**
     * Slow mode: each user may post in the room once per {@code interval} (1 s to 1 h; zero or null turns it off);
     * a message sooner gets RATE_LIMITED saying when they may write again. Members are told in an announcement.
     *
     * @throws IllegalArgumentException when there is no such room or the interval is out of range
     */
    public RoomInfo setSlowMode(String room, Duration interval) {
        RoomInfo info = RoomModeration.setSlowMode(registry, room, interval);
        audit.record(AuditAction.ROOM_CHANGED, info.name(), info.slowModeSeconds() == 0 ? "slow mode off"
                : "slow mode: " + info.slowModeSeconds() + " s");
        return info;
    }

    /**
     * Deletes a room's stored history (also of a room that does not exist now); members who join later see none
     * of it. Completes, on the store's thread, with how many messages went.
     */
    public CompletableFuture<Integer> clearHistory(String room) {
        SessionRegistry current = registry;
        if (current != null) {
            current.inSequence(() -> current.rooms().forgetHistory(room));
        }
        audit.record(AuditAction.HISTORY_CLEARED, room, "");
        return store.clear(room);
    }

    /**
     * Writes a room's history to {@code file}, oldest first: JSON lines (one {@code message} frame per line) or
     * plain text. Completes with how many messages were written; the file is written on the store's thread.
     */
    public CompletableFuture<Integer> exportHistory(String room, Path file, HistoryExport.Format format) {
        return HistoryExport.write(store, room, file, format, ZoneId.systemDefault());
    }

    /** The last {@code limit} messages of a room, oldest first (also of a room that does not exist now). */
    public CompletableFuture<List<ChatMessage>> recentHistory(String room, int limit) {
        return store.page(MessageStore.Conversation.room(room), 0, 0, limit).thenApply(MessageStore.HistoryPage::messages);
    }

    /** The bytes the history takes on disk (0 when it is kept in memory). */
    public long historyBytes() {
        return store.sizeOnDisk();
    }

    /**
     * Bans a name, or an address or a CIDR range such as {@code 192.168.1.0/24}, and removes whoever it matches
     * now (a user is kicked with the reason; a pending host is told and closed). Kept in the store: it survives
     * restarts, and ends by itself.
     *
     * @param duration {@code null} for good
     * @throws IllegalArgumentException when the target is neither a name nor an address range, or the reason is bad
     */
    public Sanction ban(String target, Duration duration, String reason) {
        return audited(AuditAction.BAN, OperatorActions.ban(moderation, events, registry, target, duration, reason));
    }

    /** @return false when there was no such ban */
    public boolean unban(String target) {
        return audit.recordIf(OperatorActions.lifted(events, "unban", target, moderation.unban(target)),
                AuditAction.UNBAN, target, "");
    }

    /** Mutes a user (also one not logged in now): they read, but their messages are refused with MUTED. */
    public Sanction mute(String name, Duration duration, String reason) {
        return audited(AuditAction.MUTE, OperatorActions.published(events, "mute", moderation.mute(name, duration, reason)));
    }

    public boolean unmute(String name) {
        return audit.recordIf(OperatorActions.lifted(events, "unmute", name, moderation.unmute(name)),
                AuditAction.UNMUTE, name, "");
    }

    /** The ban or mute goes to the audit trail with its end: "until 29 Nov 18:30: spamming". */
    private Sanction audited(AuditAction action, Sanction sanction) {
        audit.record(action, sanction.target(), sanction.untilText() + (sanction.reason().isEmpty() ? ""
                : ": " + sanction.reason()));
        return sanction;
    }

    /**
     * Turns the waiting room on or off: while on, a {@code login} with a free, allowed name waits (the client is
     * sent {@code waiting}) until the operator {@linkplain #admit admits} or {@linkplain #refuse refuses} it. Turning
     * it off lets nobody in by itself: those already waiting stay until the operator decides.
     */
    public void setWaitingRoom(boolean on) {
        boolean was = settings.getAndUpdate(s -> s.toBuilder().waitingRoom(on).build()).waitingRoom();
        audit.recordIf(was != on, AuditAction.SETTING_CHANGED, "waiting room", on ? "on" : "off");
    }

    /** True while new users wait to be let in by hand. */
    public boolean waitingRoom() {
        return settings.get().waitingRoom();
    }

    /**
     * Lets in the login waiting under {@code name}: it gets {@code login_ok} and joins as any user, unless a check
     * fails now (a ban or a full server that came meanwhile: then it gets that error and its connection closes).
     *
     * @return false when nobody waits under that name
     */
    public boolean admit(String name) {
        return audit.recordIf(OperatorActions.admit(registry, events, name), AuditAction.ADMIT, name, "");
    }

    /**
     * Turns away the login waiting under {@code name}: it gets {@code error} FORBIDDEN ("The host did not let you
     * in." and the reason), then its connection closes.
     *
     * @return false when nobody waits under that name
     * @throws IllegalArgumentException when the reason is too long or holds control characters
     */
    public boolean refuse(String name, String reason) {
        String why = KickReasons.clean(reason);
        return audit.recordIf(OperatorActions.refuse(registry, events, name, why, null), AuditAction.REFUSE, name, why);
    }

    /**
     * Bans the name for {@code duration} ({@code null}: for good) and turns away the login waiting under it, which
     * gets {@code error} BANNED with the ban's sentence.
     *
     * @return the ban (made also when nobody waits under the name any more)
     */
    public Sanction refuseAndBan(String name, String reason, Duration duration) {
        String why = KickReasons.clean(reason);
        Sanction ban = audited(AuditAction.BAN, OperatorActions.published(events, "ban", moderation.ban(name, duration, why)));
        audit.recordIf(OperatorActions.refuse(registry, events, name, why, ban), AuditAction.REFUSE, name, why);
        return ban;
    }

    /** The bans and mutes in force, oldest first. */
    public List<Sanction> sanctions() {
        return moderation.active();
    }

    private SessionRegistry running() {
        SessionRegistry current = registry;
        if (current == null) {
            throw new IllegalStateException("The server is not running.");
        }
        return current;
    }

    /** Messages users have sent since the server started. */
    public long messagesSent() {
        SessionRegistry current = registry;
        return current == null ? 0 : current.messagesSent();
    }

    /** Stops the server, its control thread and its event thread; the instance cannot be started again. */
    @Override
    public void close() {
        stop();
        control.shutdown();
        passwords.close();
        store.close();
        events.close();
    }

    /**
     * Lets the listeners see everything up to the stop before {@code stop()} returns, so a caller that stops and
     * then reads what its listener collected finds it complete.
     */
    private void awaitListeners() {
        try {
            events.awaitDelivered(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void setState(ServerState newState) {
        state = newState;
        events.stateChanged(newState);
    }

    private void shutDownThreads() {
        if (transport != null) {
            transport.shutDown(STOP_WAIT_MILLIS);
            transport = null;
        }
    }
}
