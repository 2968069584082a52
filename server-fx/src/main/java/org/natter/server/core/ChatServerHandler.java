package org.natter.server.core;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import java.util.concurrent.atomic.AtomicLong;
import org.natter.common.model.LeaveReason;
import org.natter.common.model.ServerEvent;
import org.natter.common.protocol.ClientFrame;
import org.natter.common.protocol.ClientFrameVisitor;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.HistoryRequest;
import org.natter.common.protocol.Join;
import org.natter.common.protocol.ListRooms;
import org.natter.common.protocol.LoggedOut;
import org.natter.common.protocol.Login;
import org.natter.common.protocol.Logout;
import org.natter.common.protocol.Part;
import org.natter.common.protocol.Ping;
import org.natter.common.protocol.Pong;
import org.natter.common.protocol.ProtocolLimits;
import org.natter.common.protocol.Quit;
import org.natter.common.protocol.Say;
import org.natter.common.protocol.Search;
import org.natter.common.protocol.SetTopic;
import org.natter.common.protocol.Texts;
import org.natter.common.protocol.Welcome;
import org.natter.server.core.moderation.Sanction;
import org.natter.server.core.room.DeliveryBacklog;
import org.natter.server.core.security.PasswordGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logic stage: one instance per connection, running on that connection's I/O thread. It answers what needs
 * no shared state (ping, bad lines, floods, text rules) itself, and hands every change to the chat (login, say,
 * logout, quit, a closed connection) to the registry's sequencer, in the order the client sent them. Whatever a
 * client sends, the worst it gets is an error or a closed connection of its own.
 */
final class ChatServerHandler extends SimpleChannelInboundHandler<Object> implements ClientFrameVisitor {

    private static final Logger LOG = LoggerFactory.getLogger(ChatServerHandler.class);
    private static final AtomicLong CONNECTION_IDS = new AtomicLong();

    private final SessionRegistry registry;
    private final ServerEvents events;
    private final ServerSettings settings;
    private final ConnectionFlood flood;
    private final NanoClock clock;
    private ChannelHandlerContext ctx;
    private Session session;
    private int idlePeriods;
    /** Set once the client said {@code quit}: whatever it pipelined behind it is not processed. */
    private boolean quitting;
    /** The address counted by the registry's limiter, released when the connection closes. */
    private InetAddress countedAddress;
    /** A {@code ping} of ours waits for its {@code pong}: that one pong is free, any other counts as a request. */
    private boolean pingOutstanding;
    private final LoginPasswords passwords;
    /** Frames that wait for a password check or for the server's backlog. I/O thread only. */
    private final HeldBackFrames heldBack = new HeldBackFrames();

    /** @param settings the settings of this connection, fixed when it was accepted */
    ChatServerHandler(SessionRegistry registry, ServerEvents events, ServerSettings settings, NanoClock clock) {
        this(registry, events, settings, clock, LoginPasswords.none());
    }

    /** @param passwords the password step of this connection's logins */
    ChatServerHandler(SessionRegistry registry, ServerEvents events, ServerSettings settings, NanoClock clock,
                      LoginPasswords passwords) {
        this.passwords = passwords;
        this.registry = registry;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.flood = new ConnectionFlood(settings, events, clock);
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        ctx = context;
        session = new Session(CONNECTION_IDS.incrementAndGet(), ctx.channel(), Instant.now(), registry.outbox());
        if (ctx.channel().remoteAddress() instanceof InetSocketAddress remote && remote.getAddress() != null) {
            Sanction ban = registry.moderation().banOf(remote.getAddress()).orElse(null);
            if (ban != null) {
                String sentence = ban.sentence("Your address is banned from this server");
                refuseConnection(ErrorCode.BANNED, sentence, sentence);
                return;
            }
            String refusal = registry.addresses().admit(remote.getAddress(), settings.addressLimits(), clock.nanoTime());
            if (refusal != null) {
                refuseConnection(ErrorCode.TOO_MANY_CONNECTIONS, refusal, refusal);
                return;
            }
            countedAddress = remote.getAddress();
        }
        if (!registry.register(session)) {
            refuseConnection(ErrorCode.SERVER_FULL, "The server has too many open connections. Try again later.",
                    "Refused a connection: " + settings.maxConnections() + " are open.");
            return;
        }
        session.send(passwords.needed()
                ? new Welcome(settings.serverName(), ProtocolLimits.PROTOCOL_VERSION, "Welcome to " + settings.serverName()
                        + ". Log in with {\"type\":\"login\",\"name\":\"your name\",\"password\":\"the password\"}.", true)
                : new Welcome(settings.serverName(), ProtocolLimits.PROTOCOL_VERSION,
                "Welcome to " + settings.serverName() + ". Log in with {\"type\":\"login\",\"name\":\"your name\"}."));
        armLoginDeadline();
    }

    /** A connection the server will not take: the client is told why, the operator too, and it is closed. */
    private void refuseConnection(ErrorCode code, String toClient, String toLog) {
        session.markClosed();
        session.sendAndClose(new ErrorReply(null, code, toClient), code.name().toLowerCase(java.util.Locale.ROOT));
        events.publish(new ServerEvent.ClientError(Instant.now(), session.id(), session.address(), code.name(), toLog));
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        if (countedAddress != null) {
            registry.addresses().release(countedAddress);
            countedAddress = null;
        }
        if (session == null) {
            return;
        }
        Session closed = session;
        registry.inSequence(() -> registry.connectionClosed(closed, closed.closeReason()));
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, Object message) {
        idlePeriods = 0;
        if (quitting || session.phase() == Session.Phase.CLOSED) {
            return;
        }
        if (heldBack.holds(message)) {
            return;
        }
        if (message instanceof Pong && pingOutstanding) {
            pingOutstanding = false;
            return;
        }
        if (!flood.admits(session, message)) {
            quitting = flood.closedForFlooding();
            return;
        }
        if (message == ClientFrameDecoder.EMPTY_LINE) {
            return;
        }
        if (message instanceof BadFrame bad) {
            refuse(new ErrorReply(bad.problem().requestId(), bad.problem().code(), bad.problem().getMessage()));
        } else if (message instanceof ClientFrame frame) {
            frame.accept(this);
        } else {
            LOG.warn("Unexpected pipeline message {}", message.getClass().getName());
        }
    }

    @Override
    public void login(Login login) {
        if (!passwords.needed()) {
            registry.inSequence(() -> registry.login(session, login.name(), login.protocolVersion(), login.id()));
            return;
        }
        // The hash takes about half a second: checked on the password threads, then back here.
        heldBack.passwordCheckStarted();
        InetAddress from = ctx.channel().remoteAddress() instanceof InetSocketAddress remote ? remote.getAddress() : null;
        boolean encrypted = ctx.pipeline().get(SslHandler.class) != null;
        passwords.check(from, encrypted, login.password(), clock.nanoTime()).whenComplete((refusal, failure) ->
                ctx.executor().execute(() -> passwordChecked(login, refusal, failure)));
    }

    /** I/O thread: the login goes on or is refused, then whatever came meanwhile is handled. */
    private void passwordChecked(Login login, Optional<PasswordGate.Refusal> refusal, Throwable failure) {
        heldBack.passwordCheckEnded();
        if (session.phase() != Session.Phase.CLOSED && !quitting) {
            if (failure != null) {
                LOG.warn("Checking a password failed", failure);
                refuse(new ErrorReply(login.id(), ErrorCode.UNAVAILABLE, "The password could not be checked. Try again."));
            } else if (refusal.isPresent()) {
                refuse(new ErrorReply(login.id(), refusal.get().code(), refusal.get().message()));
            } else {
                registry.inSequence(() -> registry.login(session, login.name(), login.protocolVersion(), login.id()));
            }
        }
        handleHeldBack();
    }

    /** Handles the frames held back, in order, until none is left or they are held again. I/O thread only. */
    private void handleHeldBack() {
        heldBack.release(frame -> channelRead0(ctx, frame));
    }

    @Override
    public void say(Say say) {
        if (say.room() != null && say.to() != null) {
            refuse(new ErrorReply(say.id(), ErrorCode.BAD_JSON,
                    "A say goes to a room or to a person: give \"room\" or \"to\", not both."));
            return;
        }
        // The text rules need no shared state: checked here, in parallel, before the sequencer sees the message.
        String problem = Texts.problem(say.text()).orElse(null);
        if (problem != null) {
            refuse(new ErrorReply(say.id(), ErrorCode.INVALID_TEXT, problem));
            return;
        }
        DeliveryBacklog backlog = registry.outbox().backlog();
        backlog.messageQueued();
        registry.inSequence(() -> {
            backlog.messageTaken();
            registry.say(session, say);
        });
        if (backlog.overloaded() && !heldBack.pausedForBacklog()) {
            // Backpressure: this sender's next messages wait in its socket until the server has caught up.
            heldBack.pauseForBacklog();
            ctx.channel().config().setAutoRead(false);
            backlog.pause(this::resumeAfterBacklog);
        }
    }

    /** The backlog is down: handles what was held back, then reads again. From any thread. */
    private void resumeAfterBacklog() {
        try {
            ctx.executor().execute(() -> {
                heldBack.backlogDown();
                handleHeldBack();
                if (!heldBack.pausedForBacklog() && !quitting) {
                    ctx.channel().config().setAutoRead(true);
                }
            });
        } catch (RejectedExecutionException e) {
            // The server is stopping: this connection is being closed.
        }
    }

    @Override
    public void join(Join join) {
        registry.inSequence(() -> registry.asUser(session, join.id(),
                () -> registry.rooms().join(session, join.room(), join.id())));
    }

    @Override
    public void part(Part part) {
        registry.inSequence(() -> registry.asUser(session, part.id(),
                () -> registry.rooms().part(session, part.room(), part.id())));
    }

    @Override
    public void listRooms(ListRooms request) {
        registry.inSequence(() -> registry.asUser(session, request.id(),
                () -> registry.rooms().list(session, request.id())));
    }

    @Override
    public void setTopic(SetTopic topic) {
        registry.inSequence(() -> registry.asUser(session, topic.id(),
                () -> registry.rooms().setTopic(session, topic.room(), topic.text(), topic.id())));
    }

    @Override
    public void logout(Logout logout) {
        registry.inSequence(() -> {
            if (!registry.leave(session, LeaveReason.LOGOUT, "")) {
                if (registry.waitingRoom().withdraw(session)) {
                    session.sendInOrder(new LoggedOut(logout.id()));
                    armLoginDeadline();
                } else if (session.phase() != Session.Phase.CLOSED) {
                    registry.refuse(session, new ErrorReply(logout.id(), ErrorCode.NOT_LOGGED_IN, "You are not logged in."));
                }
                return;
            }
            session.sendInOrder(new LoggedOut(logout.id()));
            armLoginDeadline();
        });
    }

    @Override
    public void quit(Quit quit) {
        quitting = true;
        ctx.channel().config().setAutoRead(false);
        registry.inSequence(() -> {
            registry.leave(session, LeaveReason.QUIT, "");
            session.close("quit");
        });
    }

    @Override
    public void history(HistoryRequest request) {
        registry.inSequence(() -> registry.asUser(session, request.id(),
                () -> registry.history().history(session, request)));
    }

    @Override
    public void search(Search request) {
        registry.inSequence(() -> registry.asUser(session, request.id(),
                () -> registry.history().search(session, request)));
    }

    @Override
    public void ping(Ping ping) {
        session.send(new Pong(ping.id()));
    }

    @Override
    public void pong(Pong pong) {
        // Any frame resets the idle count; a pong needs nothing more.
    }

    private void refuse(ErrorReply reply) {
        session.send(reply);
        events.publish(new ServerEvent.ClientError(Instant.now(), session.id(), session.who(),
                reply.code().name(), reply.message()));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) {
        if (!(event instanceof IdleStateEvent)) {
            context.fireUserEventTriggered(event);
            return;
        }
        idlePeriods++;
        long silentNanos = idlePeriods * settings.pingAfter().toNanos();
        if (silentNanos >= settings.idleTimeout().toNanos()) {
            session.close("no answer for " + settings.idleTimeout().toSeconds() + " s");
        } else if (idlePeriods == 1) {
            pingOutstanding = true;
            session.send(new Ping(null));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            if (session != null && session.phase() != Session.Phase.CLOSED) {
                refuse(new ErrorReply(null, ErrorCode.FRAME_TOO_LARGE,
                        "A line was longer than " + ProtocolLimits.MAX_FRAME_BYTES + " bytes and was skipped."));
            }
            return;
        }
        if (cause instanceof DecoderException && cause.getCause() instanceof SSLException) {
            // A client that is not a TLS client after all, or gave up in the handshake: nothing for the log file.
            LOG.debug("TLS failed on connection {}: {}", session == null ? "?" : session.address(), cause.getCause().toString());
        } else if (cause instanceof IOException) {
            LOG.debug("Connection {} failed: {}", session == null ? "?" : session.address(), cause.toString());
        } else {
            LOG.warn("Unexpected error on connection {}; closing it", session == null ? "?" : session.address(), cause);
        }
        if (session != null) {
            session.close("connection error");
        } else {
            context.close();
        }
    }

    /**
     * Drops the connection if it is still pending when the login timeout is up. The check runs on the sequencer,
     * so it cannot interleave with a login that is being admitted.
     */
    private void armLoginDeadline() {
        long millis = settings.loginTimeout().toMillis();
        session.setLoginDeadline(ctx.executor().schedule(() -> registry.inSequence(() -> {
            if (session.phase() == Session.Phase.PENDING) {
                session.close("did not log in within " + settings.loginTimeout().toSeconds() + " s");
            }
        }), millis, TimeUnit.MILLISECONDS));
    }
}
