package org.natter.server.core;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
import org.natter.common.protocol.FrameCodec;
import org.natter.common.protocol.Joined;
import org.natter.common.protocol.Left;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.Names;
import org.natter.common.protocol.ServerFrame;

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

    private static final Comparator<String> BY_NAME = String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    private final Map<Long, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Session> usersByKey = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final EventExecutor sequencer;
    private final ServerEvents events;
    private final Supplier<ServerSettings> settings;
    private int loginNumbers;
    private volatile long messageIds;
    private volatile boolean closed;

    SessionRegistry(EventExecutor sequencer, ServerEvents events, Supplier<ServerSettings> settings) {
        this.sequencer = sequencer;
        this.events = events;
        this.settings = settings;
    }

    /** Runs a change to the chat on the sequencer, after every change handed over before it. */
    void inSequence(Runnable change) {
        try {
            sequencer.execute(change);
        } catch (RejectedExecutionException e) {
            // The server is stopping: its I/O threads take no more work, and every connection is being closed.
        }
    }

    /**
     * Runs a change on the sequencer and waits for its result; for the operator's API, never for an I/O thread.
     *
     * @throws IllegalStateException when the sequencer does not answer in time (the server is stopping)
     */
    <T> T callInSequence(Callable<T> change) {
        if (sequencer.inEventLoop()) {
            try {
                return change.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return sequencer.submit(change).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the chat", e);
        } catch (ExecutionException | TimeoutException | RejectedExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("The chat did not answer: the server is stopping", e);
        }
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
    void login(Session session, String requestedName, String requestId) {
        if (closed || session.isClosing()) {
            return;
        }
        ErrorReply refusal = admit(session, requestedName, requestId);
        if (refusal != null) {
            refuse(session, refusal);
        }
    }

    private ErrorReply admit(Session session, String requestedName, String requestId) {
        if (session.isUser()) {
            return new ErrorReply(requestId, ErrorCode.ALREADY_LOGGED_IN, "You are already logged in as " + session.name() + ".");
        }
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
        int number = ++loginNumbers;
        String welcome = settings.get().welcomeText();
        session.sendInOrder(new LoginOk(requestId, name, number, "You are user number " + number + ".", userNames(),
                welcome.isEmpty() ? null : welcome));
        broadcast(new Joined(name, now), session);
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
        usersByKey.remove(Names.key(user.name()), session);
        if (reason == LeaveReason.LOGOUT) {
            session.becomePending(now);
        } else {
            session.markClosed();
        }
        String shared = reason == LeaveReason.LOST && detail != null && !detail.isEmpty() ? detail : null;
        broadcast(new Left(user.name(), reason, shared, now), session);
        events.publish(new ServerEvent.UserLeft(now, user, reason, detail == null ? "" : detail));
        if (reason == LeaveReason.LOGOUT) {
            events.publish(new ServerEvent.HostPending(now, session.asPending()));
        }
        return true;
    }

    /** A closed connection: a user leaves as lost, a pending host is reported closed. Sequencer only. */
    void connectionClosed(Session session, String reason) {
        session.cancelLoginDeadline();
        if (!leave(session, LeaveReason.LOST, reason == null ? "connection closed" : reason) && session.markClosed()) {
            events.publish(new ServerEvent.HostClosed(now(), session.id(), session.address(),
                    reason == null ? "disconnected" : reason));
        }
        unregister(session);
    }

    /** Delivers a user's message to every user; the sender's copy carries its request id. Sequencer only. */
    void say(Session sender, String text, String requestId) {
        if (sender.isClosing()) {
            return;
        }
        if (!sender.isUser()) {
            refuse(sender, new ErrorReply(requestId, ErrorCode.NOT_LOGGED_IN, "Log in before you send messages."));
            return;
        }
        Instant now = now();
        long id = ++messageIds;
        String from = sender.name();
        sender.countMessage();
        Message message = new Message(id, from, text, now, null);
        if (requestId == null) {
            broadcast(message, null);
        } else {
            broadcast(message, sender);
            sender.sendInOrder(new Message(id, from, text, now, requestId));
        }
        events.publish(new ServerEvent.MessageSent(now, sender.asUser(), new ChatMessage(id, from, text, now)));
    }

    /** Sends the operator's text to every user; returns how many it reached. Sequencer only. */
    int announce(String text) {
        Instant now = now();
        int recipients = broadcast(new Announcement(text, now), null);
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
                session.sendAndClose(new Left(user.name(), LeaveReason.SERVER_STOPPED, null, now), "server stopped");
                events.publish(new ServerEvent.UserLeft(now, user, LeaveReason.SERVER_STOPPED, ""));
            } else if (session.markClosed()) {
                session.close("server stopped");
                events.publish(new ServerEvent.HostClosed(now, session.id(), session.address(), "server stopped"));
            }
        }
        usersByKey.clear();
        sessions.clear();
        connections.set(0);
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
     * the group on the sequencer's own thread is written at once. Sequencer only.
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
                    try {
                        entry.getKey().execute(write);
                    } catch (RejectedExecutionException e) {
                        share.release();
                    }
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
