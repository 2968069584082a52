package org.natter.server.core;

import io.netty.util.concurrent.EventExecutor;
import java.net.InetAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.natter.common.model.ChatMessage;
import org.natter.common.model.ConnectedUser;
import org.natter.common.model.LeaveReason;
import org.natter.common.model.PendingHost;
import org.natter.common.model.ServerEvent;
import org.natter.common.protocol.Announcement;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.Left;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.NameRules;
import org.natter.common.protocol.NameSkeleton;
import org.natter.common.protocol.Names;
import org.natter.common.protocol.Say;
import org.natter.server.core.moderation.AddressLimiter;
import org.natter.server.core.moderation.LoginFailures;
import org.natter.server.core.moderation.Sanction;
import org.natter.server.core.room.BacklogLimits;
import org.natter.server.core.room.DeliveryBacklog;
import org.natter.server.core.room.FanOut;
import org.natter.server.core.room.NamePages;
import org.natter.server.core.room.Outbox;
import org.natter.server.core.room.Room;

/**
 * The connections of one server run and the chat between them.
 *
 * <p><b>One order for everyone.</b> Every change to the chat (login, leave, message, announcement, stop) runs
 * on one thread, the <em>sequencer</em>: one of the server's I/O threads, chosen at start. Tasks reach it
 * through {@link #inSequence} (a queue, first in first out), so the order in which the sequencer runs them is the
 * one order of the chat: message ids increase in it, and each recipient is written to in it (directly when the
 * recipient lives on the sequencer's thread, else through one task per I/O thread, which that thread runs in
 * the order given). Nothing takes a lock around socket writes, and a broadcast is encoded once.
 *
 * <p>Methods marked "sequencer only" must run inside {@link #inSequence}; the snapshot methods and
 * {@link #register} may be called from any thread.
 */
final class SessionRegistry {

    private final Map<Long, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Session> usersByKey = new ConcurrentHashMap<>();
    private final OnlineSkeletons skeletons = new OnlineSkeletons();
    /** The users' names in login_ok's order, kept sorted as they come and go (no sort per login); sequencer only. */
    private final NamePages sortedNames = new NamePages();
    private final AtomicInteger connections = new AtomicInteger();
    private final AddressLimiter addresses = new AddressLimiter();
    private final Moderation moderation;
    private final EventExecutor sequencer;
    private final ChatSequencer sequence;
    private final ServerEvents events;
    private final Supplier<ServerSettings> settings;
    private final ChatRooms rooms;
    private final MessageStore store;
    private final Outbox outbox;
    private final HistoryRequests history;
    private final DirectMessages directMessages;
    private final WaitingRoom waiting;
    private final LoginFailures loginFailures = new LoginFailures();
    private final PresenceBatch presence;
    private int loginNumbers;
    private volatile long messageIds;
    private volatile boolean closed;

    /**
     * Reads the store's last id and recent history, so call it on the lifecycle thread, before clients come.
     */
    SessionRegistry(EventExecutor sequencer, ServerEvents events, Supplier<ServerSettings> settings, MessageStore store,
                    Moderation moderation) {
        this.moderation = moderation;
        this.sequencer = sequencer;
        this.sequence = new ChatSequencer(sequencer);
        this.events = events;
        this.waiting = new WaitingRoom(events);
        this.settings = settings;
        this.store = store;
        long lastId = store.lastId();
        this.messageIds = lastId;
        BacklogLimits limits = settings.get().backlog();
        this.outbox = new Outbox(lastId, new DeliveryBacklog(limits.maxQueuedMessages(), limits.maxQueuedDeliveries()));
        Map<String, List<ChatMessage>> recent = new HashMap<>();
        int replay = settings.get().historyReplay();
        for (String room : store.roomsWithHistory()) {
            recent.put(Names.key(Names.normalize(room)), store.recent(room, replay));
        }
        this.rooms = new ChatRooms(sequencer, events, settings, this, outbox, store, recent);
        this.history = new HistoryRequests(this);
        this.directMessages = new DirectMessages(this, outbox, store, events);
        this.presence = new PresenceBatch(sequencer, outbox, rooms.general());
        outbox.setBarrier(presence::flush);
    }

    HistoryRequests history() {
        return history;
    }

    /** The sequencer's outbox, for the sessions it writes to. */
    Outbox outbox() {
        return outbox;
    }

    /** The store committed every message up to {@code id}; from the store's thread (or the sequencer's). */
    void committed(long id) {
        if (sequencer.inEventLoop()) {
            outbox.committed(id);
        } else {
            inSequence(() -> outbox.committed(id));
        }
    }

    MessageStore store() {
        return store;
    }

    /** The rooms of this run. Sequencer only. */
    ChatRooms rooms() {
        return rooms;
    }

    /** Runs a change to the chat on the sequencer, after every change handed over before it. */
    void inSequence(Runnable change) {
        sequence.execute(change);
    }

    /** Runs a change on the sequencer and waits for its result; for the operator's API, never an I/O thread. */
    <T> T callInSequence(Callable<T> change) {
        return sequence.call(change);
    }

    /**
     * Admits a new connection as a pending host, unless the server already has as many connections as it
     * accepts or is stopping. The count is taken atomically, so simultaneous connections cannot slip past the
     * limit together. Any thread.
     */
    boolean register(Session session) {
        if (closed) {
            return false;
        }
        if (connections.incrementAndGet() > settings.get().maxConnections()) {
            connections.decrementAndGet();
            return false;
        }
        sessions.put(session.id(), session);
        if (closed) {
            // closeAll() ran in between and did not see this session: undo, so nothing outlives the stop.
            unregister(session);
            return false;
        }
        events.publish(new ServerEvent.HostPending(now(), session.asPending()));
        return true;
    }

    void unregister(Session session) {
        if (sessions.remove(session.id()) != null) {
            connections.decrementAndGet();
        }
    }

    /** The connections of each address; any thread. */
    AddressLimiter addresses() {
        return addresses;
    }

    /** Connections open now, pending and logged in. */
    int connectionCount() {
        return connections.get();
    }

    Session session(long connectionId) {
        return sessions.get(connectionId);
    }

    Session user(String name) {
        return name == null ? null : usersByKey.get(Names.key(name));
    }

    /** Makes a pending session a user and sends {@code login_ok}, or sends why not. Sequencer only. */
    void login(Session session, String requestedName, int protocolVersion, String requestId) {
        if (closed || session.isClosing()) {
            return;
        }
        InetAddress from = session.inetAddress();
        // One instant for the whole login: the refusal reaches the client at once, and a clock read after it could
        // already be later (a test's clock moves as soon as the client has its answer).
        Instant at = moderation.now();
        String locked = from == null ? null : loginFailures.lockedSentence(from, at);
        if (locked != null) {
            refuse(session, new ErrorReply(requestId, ErrorCode.RATE_LIMITED, locked));
            return;
        }
        ErrorReply refusal = admit(session, requestedName, protocolVersion, requestId, false);
        if (refusal != null) {
            // A full server is nobody's fault; any other refusal counts towards the address's limit.
            boolean lockedOut = from != null && refusal.code() != ErrorCode.SERVER_FULL && loginFailures.failed(from, at);
            refuse(session, refusal);
            if (lockedOut) {
                events.publish(new ServerEvent.ClientError(Instant.now(), session.id(), session.address(),
                        ErrorCode.RATE_LIMITED.name(), LoginFailures.MAX_FAILURES + " refused logins from this address"
                        + " within a minute: its logins are refused for a minute."));
            }
        }
    }

    /** The logins waiting for the operator. Sequencer only. */
    WaitingRoom waitingRoom() {
        return waiting;
    }

    /**
     * Checks a login and lets it in, or holds it in the waiting room (unless {@code letIn}: the operator let it in).
     * Sequencer only.
     *
     * @return why not, or null when it was let in or held
     */
    ErrorReply admit(Session session, String requestedName, int protocolVersion, String requestId,
                             boolean letIn) {
        if (session.isUser()) {
            return new ErrorReply(requestId, ErrorCode.ALREADY_LOGGED_IN, "You are already logged in as " + session.name() + ".");
        }
        if (session.heldName() != null) {
            return new ErrorReply(requestId, ErrorCode.ALREADY_LOGGED_IN, "You are already waiting to be let in as "
                    + session.heldName() + ".");
        }
        String problem = Names.characterProblem(requestedName).orElse(null);
        if (problem != null) {
            return new ErrorReply(requestId, ErrorCode.INVALID_NAME, problem);
        }
        String name = Names.normalize(requestedName);
        String key = Names.key(name);
        // A look-alike of someone online is told so before the script rules, which would refuse many of them too.
        String skeleton = NameSkeleton.of(name);
        Session lookalike = skeletons.holder(skeleton);
        if (lookalike != null && !Names.key(lookalike.name()).equals(key)) {
            return new ErrorReply(requestId, ErrorCode.NAME_TAKEN, "The name \"" + name
                    + "\" looks like a name already in use. Choose another one.");
        }
        problem = NameRules.scriptProblem(name, "name").orElse(null);
        if (problem != null) {
            return new ErrorReply(requestId, ErrorCode.INVALID_NAME, problem);
        }
        Sanction ban = moderation.banOf(name).orElse(null);
        if (ban != null) {
            return new ErrorReply(requestId, ErrorCode.BANNED, ban.sentence("The name " + name + " is banned")
                    + " Choose another name.");
        }
        if (usersByKey.containsKey(key) || waiting.holds(key)) {
            return new ErrorReply(requestId, ErrorCode.NAME_TAKEN, "The name \"" + name + "\" is taken. Choose another one.");
        }
        if (usersByKey.size() >= settings.get().maxUsers()) {
            return new ErrorReply(requestId, ErrorCode.SERVER_FULL,
                    "The server is full (" + settings.get().maxUsers() + " users). Try again later.");
        }
        if (!letIn && settings.get().waitingRoom()) {
            waiting.hold(new WaitingRoom.Held(session, name, protocolVersion, requestId));
            return null;
        }
        Instant now = now();
        session.cancelLoginDeadline();
        session.setProtocolVersion(protocolVersion);
        session.becomeUser(name, now);
        usersByKey.put(key, session);
        skeletons.claim(skeleton, session);
        sortedNames.add(name);
        rooms.enterGeneral(session);
        int number = ++loginNumbers;
        String welcome = settings.get().welcomeText();
        LoginAnswer.send(session, new LoginOk(requestId, name, number, "You are user number " + number + ".", List.of(),
                welcome.isEmpty() ? null : welcome), sortedNames, rooms.general());
        RoomArrival.replay(outbox, session, rooms.general());
        rooms.announceLogin(session, now, presence);
        events.publish(new ServerEvent.UserJoined(now, session.asUser()));
        return null;
    }

    /**
     * Takes a user out of the chat and tells the others. For a logout the session becomes pending again,
     * otherwise it is marked closed. Sequencer only.
     *
     * @param detail why a connection was lost, sent to the others in {@code left} for {@link LeaveReason#LOST}
     *               only; for the other reasons it goes to the log and the operator alone
     * @return false when the session was not a user (nothing happened)
     */
    boolean leave(Session session, LeaveReason reason, String detail) {
        if (!session.isUser()) {
            return false;
        }
        Instant now = now();
        ConnectedUser user = session.asUser();
        // Everyone who shared a room with the user hears of it: the rooms' members once it is out of them.
        List<Room> itsRooms = List.copyOf(session.rooms());
        rooms.leaveAll(session);
        if (usersByKey.remove(Names.key(user.name()), session)) {
            sortedNames.remove(user.name());
        }
        skeletons.release(session);
        if (reason == LeaveReason.LOGOUT) {
            session.becomePending(now);
        } else {
            session.markClosed();
        }
        String shared = reason == LeaveReason.LOST && detail != null && !detail.isEmpty() ? detail : null;
        Left told = new Left(user.name(), reason, shared, now);
        if (reason == LeaveReason.LOST || reason == LeaveReason.LOGOUT || reason == LeaveReason.QUIT) {
            // The common, storm-prone leaves: in a storm version-2 clients learn of them in a presence batch
            // (every version-2 client that shares a room with the user is in general, unless it parted it: then,
            // as for logins, it learns who is online when it joins general again).
            presence.left(told, itsRooms);
        } else {
            FanOut.send(outbox, told, PresenceBatch.audience(itsRooms), m -> true);
        }
        events.publish(new ServerEvent.UserLeft(now, user, reason, detail == null ? "" : detail));
        if (reason == LeaveReason.LOGOUT) {
            events.publish(new ServerEvent.HostPending(now, session.asPending()));
        }
        return true;
    }

    /** A closed connection: a user leaves as lost, a pending host is reported closed. Sequencer only. */
    void connectionClosed(Session session, String reason) {
        session.cancelLoginDeadline();
        waiting.remove(session);
        if (!leave(session, LeaveReason.LOST, reason == null ? "connection closed" : reason) && session.markClosed()) {
            events.publish(new ServerEvent.HostClosed(now(), session.id(), session.address(),
                    reason == null ? "disconnected" : reason));
        }
        unregister(session);
    }

    /**
     * A {@code say}: to a room ({@code general} by default) or, with {@code to}, to one user. Sequencer only.
     */
    void say(Session sender, Say say) {
        if (sender.isClosing()) {
            return;
        }
        Sanction mute = sender.isUser() ? moderation.muteOf(sender.name()).orElse(null) : null;
        if (!sender.isUser()) {
            refuse(sender, new ErrorReply(say.id(), ErrorCode.NOT_LOGGED_IN, "Log in before you send messages."));
        } else if (mute != null) {
            refuse(sender, new ErrorReply(say.id(), ErrorCode.MUTED, mute.sentence("You are muted")
                    + " You can still read."));
        } else if (say.to() != null) {
            // The recipient must know the sender is online before the message arrives.
            presence.flush();
            directMessages.say(sender, say.to(), say.text(), say.id());
        } else {
            rooms.say(sender, say.room(), say.text(), say.id());
        }
    }

    /** The store cannot take more messages just now: the sender is told, nothing is half-sent. */
    void refuseBusy(Session sender, String requestId) {
        refuse(sender, new ErrorReply(requestId, ErrorCode.UNAVAILABLE,
                "The server cannot store messages fast enough just now; yours was not sent. Try again in a moment."));
    }

    /** Runs a room request of a logged-in user, or refuses it for a pending host. Sequencer only. */
    void asUser(Session session, String requestId, Runnable request) {
        if (session.isClosing()) {
            return;
        }
        if (!session.isUser()) {
            refuse(session, new ErrorReply(requestId, ErrorCode.NOT_LOGGED_IN, "Log in first."));
            return;
        }
        request.run();
    }

    List<Session> openSessions() {
        return List.copyOf(sessions.values());
    }

    Moderation moderation() {
        return moderation;
    }

    /** The next message id: unique and increasing across all rooms and direct messages. Sequencer only. */
    long nextMessageId() {
        return ++messageIds;
    }

    /** Sends the operator's text to every user; returns how many it reached. Sequencer only. */
    int announce(String text) {
        Instant now = now();
        int recipients = FanOut.send(outbox, new Announcement(text, now), usersByKey.values(), m -> true);
        events.publish(new ServerEvent.Announced(now, text, recipients));
        return recipients;
    }

    /** Sends a refusal to the client, in order, and tells the operator. Sequencer only. */
    void refuse(Session session, ErrorReply reply) {
        session.sendInOrder(reply);
        events.publish(new ServerEvent.ClientError(Instant.now(), session.id(), session.who(),
                reply.code().name(), reply.message()));
    }

    long messagesSent() {
        return messageIds;
    }

    /**
     * Ends the run: each user is told it left because the server stopped, every connection is closed and
     * the registry is emptied; logins and connections after this are refused. Sequencer only.
     *
     * @return the sessions that were open, so the caller can wait for their channels to close
     */
    List<Session> closeAll() {
        closed = true;
        Instant now = now();
        List<Session> open = new ArrayList<>(sessions.values());
        for (Session session : open) {
            session.cancelLoginDeadline();
            if (session.isUser()) {
                ConnectedUser user = session.asUser();
                session.markClosed();
                session.sendAndCloseInOrder(new Left(user.name(), LeaveReason.SERVER_STOPPED, null, now), "server stopped");
                events.publish(new ServerEvent.UserLeft(now, user, LeaveReason.SERVER_STOPPED, ""));
            } else if (session.markClosed()) {
                session.close("server stopped");
                events.publish(new ServerEvent.HostClosed(now, session.id(), session.address(), "server stopped"));
            }
        }
        usersByKey.clear();
        skeletons.clear();
        waiting.clear();
        sortedNames.clear();
        sessions.clear();
        connections.set(0);
        return open;
    }

    List<ConnectedUser> users() {
        return usersByKey.values().stream()
                .filter(Session::isUser)
                .map(Session::asUser)
                .sorted(Comparator.comparing(ConnectedUser::name, NamePages.BY_NAME))
                .toList();
    }

    List<PendingHost> pendingHosts() {
        return sessions.values().stream()
                .filter(s -> s.phase() == Session.Phase.PENDING)
                .map(Session::asPending)
                .sorted(Comparator.comparing(PendingHost::since).thenComparingLong(PendingHost::connectionId))
                .toList();
    }

    /** Milliseconds are enough for a chat and keep the wire readable. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
