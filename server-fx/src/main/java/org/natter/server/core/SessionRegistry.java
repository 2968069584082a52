package org.natter.server.core;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.EventLoop;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.natter.common.model.ChatMessage;
import org.natter.common.model.ConnectedUser;
import org.natter.common.model.LeaveReason;
import org.natter.common.model.PendingHost;
import org.natter.common.model.ServerEvent;
import org.natter.common.protocol.Announcement;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.FrameCodec;
import org.natter.common.protocol.Joined;
import org.natter.common.protocol.Left;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.Names;
import org.natter.common.protocol.ServerFrame;

/**
 * The connections of one server run and the chat between them. Logins and leaves take the registry's lock, so
 * every user sees the same order of joins and leaves and the list in {@code login_ok} matches what follows;
 * chat messages do not take it.
 */
final class SessionRegistry {

    private static final Comparator<String> BY_NAME = String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    private final Map<Long, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Session> usersByKey = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger loginNumbers = new AtomicInteger();
    private final AtomicLong messageIds = new AtomicLong();
    private final ServerEvents events;
    private final Supplier<ServerSettings> settings;

    SessionRegistry(ServerEvents events, Supplier<ServerSettings> settings) {
        this.events = events;
        this.settings = settings;
    }

    /**
     * Admits a new connection as a pending host, unless the server already has as many connections as it
     * accepts. The count is taken atomically, so simultaneous connections cannot slip past the limit together.
     */
    boolean register(Session session) {
        int limit = settings.get().maxConnections();
        if (connections.incrementAndGet() > limit) {
            connections.decrementAndGet();
            return false;
        }
        sessions.put(session.id(), session);
        events.publish(new ServerEvent.HostPending(now(), session.asPending()));
        return true;
    }

    void unregister(Session session) {
        if (sessions.remove(session.id()) != null) {
            connections.decrementAndGet();
        }
    }

    Session session(long connectionId) {
        return sessions.get(connectionId);
    }

    Session user(String name) {
        return name == null ? null : usersByKey.get(Names.key(name));
    }

    /**
     * Makes a pending session a user, or says why not.
     *
     * @return the error to send, or {@code null} when the login was accepted (and {@code login_ok} sent)
     */
    synchronized ErrorReply login(Session session, String requestedName, String requestId) {
        String problem = Names.problem(requestedName).orElse(null);
        if (problem != null) {
            return new ErrorReply(requestId, ErrorCode.INVALID_NAME, problem);
        }
        String name = Names.normalize(requestedName);
        String key = Names.key(name);
        if (usersByKey.containsKey(key)) {
            return new ErrorReply(requestId, ErrorCode.NAME_TAKEN, "The name \"" + name + "\" is taken. Choose another one.");
        }
        if (usersByKey.size() >= settings.get().maxUsers()) {
            return new ErrorReply(requestId, ErrorCode.SERVER_FULL,
                    "The server is full (" + settings.get().maxUsers() + " users). Try again later.");
        }
        Instant now = now();
        session.cancelLoginDeadline();
        session.becomeUser(name, now);
        usersByKey.put(key, session);
        int number = loginNumbers.incrementAndGet();
        String welcome = settings.get().welcomeText();
        session.send(new LoginOk(requestId, name, number, "You are user number " + number + ".", userNames(),
                welcome.isEmpty() ? null : welcome));
        broadcast(new Joined(name, now), session);
        events.publish(new ServerEvent.UserJoined(now, session.asUser()));
        return null;
    }

    /**
     * Takes a user out of the chat and tells the others. For a logout the session becomes pending again,
     * otherwise it is marked closed.
     *
     * @return false when the session was not a user (nothing happened)
     */
    synchronized boolean leave(Session session, LeaveReason reason, String detail) {
        if (!session.isUser()) {
            return false;
        }
        Instant now = now();
        ConnectedUser user = session.asUser();
        usersByKey.remove(Names.key(user.name()), session);
        if (reason == LeaveReason.LOGOUT) {
            session.becomePending(now);
        } else {
            session.markClosed();
        }
        broadcast(new Left(user.name(), reason, detail == null || detail.isEmpty() ? null : detail, now), session);
        events.publish(new ServerEvent.UserLeft(now, user, reason, detail == null ? "" : detail));
        if (reason == LeaveReason.LOGOUT) {
            events.publish(new ServerEvent.HostPending(now, session.asPending()));
        }
        return true;
    }

    /** Delivers a user's message to every user; the sender's copy carries its request id. */
    void say(Session sender, String text, String requestId) {
        Instant now = now();
        long id = messageIds.incrementAndGet();
        String from = sender.name();
        sender.countMessage();
        Message message = new Message(id, from, text, now, null);
        if (requestId == null) {
            broadcast(message, null);
        } else {
            broadcast(message, sender);
            sender.send(new Message(id, from, text, now, requestId));
        }
        events.publish(new ServerEvent.MessageSent(now, sender.asUser(), new ChatMessage(id, from, text, now)));
    }

    /** Sends the operator's text to every user; returns how many it reached. */
    int announce(String text) {
        Instant now = now();
        int recipients = broadcast(new Announcement(text, now), null);
        events.publish(new ServerEvent.Announced(now, text, recipients));
        return recipients;
    }

    long messagesSent() {
        return messageIds.get();
    }

    /**
     * Ends the run: each user is told it left because the server stopped, every connection is closed and
     * the registry is emptied.
     *
     * @return the sessions that were open, so the caller can wait for their channels to close
     */
    synchronized List<Session> closeAll() {
        Instant now = now();
        List<Session> open = new ArrayList<>(sessions.values());
        for (Session session : open) {
            if (session.isUser()) {
                ConnectedUser user = session.asUser();
                session.markClosed();
                session.sendAndClose(new Left(user.name(), LeaveReason.SERVER_STOPPED, null, now),
                        "server stopped");
                events.publish(new ServerEvent.UserLeft(now, user, LeaveReason.SERVER_STOPPED, ""));
            } else if (session.markClosed()) {
                session.close("server stopped");
                events.publish(new ServerEvent.HostClosed(now, session.id(), session.address(), "server stopped"));
            }
        }
        usersByKey.clear();
        sessions.clear();
        connections.set(0);
        loginNumbers.set(0);
        messageIds.set(0);
        return open;
    }

    List<ConnectedUser> users() {
        return usersByKey.values().stream()
                .filter(Session::isUser)
                .map(Session::asUser)
                .sorted(Comparator.comparing(ConnectedUser::name, BY_NAME))
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
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private List<String> userNames() {
        return usersByKey.values().stream().map(Session::name).sorted(BY_NAME).toList();
    }

    /**
     * Encodes the frame once and writes the same bytes to every user but {@code except}. The recipients are
     * grouped by I/O thread and each thread gets one task for its group, rather than one task per recipient;
     * the group of the calling thread is written at once, so its own writes stay in order.
     */
    private int broadcast(ServerFrame frame, Session except) {
        byte[] line = FrameCodec.encodeLine(frame);
        ByteBuf encoded = PooledByteBufAllocator.DEFAULT.directBuffer(line.length).writeBytes(line);
        Map<EventLoop, List<Session>> byThread = new IdentityHashMap<>();
        for (Session user : usersByKey.values()) {
            if (user != except) {
                byThread.computeIfAbsent(user.channel().eventLoop(), loop -> new ArrayList<>()).add(user);
            }
        }
        int recipients = 0;
        try {
            for (Map.Entry<EventLoop, List<Session>> entry : byThread.entrySet()) {
                List<Session> group = entry.getValue();
                recipients += group.size();
                ByteBuf share = encoded.retainedDuplicate();
                Runnable write = () -> deliverAll(group, share);
                if (entry.getKey().inEventLoop()) {
                    write.run();
                } else {
                    entry.getKey().execute(write);
                }
            }
        } finally {
            encoded.release();
        }
        return recipients;
    }

    private static void deliverAll(List<Session> group, ByteBuf share) {
        try {
            for (Session user : group) {
                user.deliver(share.retainedDuplicate());
            }
        } finally {
            share.release();
        }
    }
}
