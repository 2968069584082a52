package org.natter.server.core;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.natter.common.model.LeaveReason;
import org.natter.common.model.ServerEvent;
import org.natter.common.protocol.ClientFrame;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.LoggedOut;
import org.natter.common.protocol.Login;
import org.natter.common.protocol.Logout;
import org.natter.common.protocol.Ping;
import org.natter.common.protocol.Pong;
import org.natter.common.protocol.ProtocolLimits;
import org.natter.common.protocol.Quit;
import org.natter.common.protocol.Say;
import org.natter.common.protocol.Texts;
import org.natter.common.protocol.Welcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logic stage: one instance per connection, running on that connection's I/O thread. Whatever a client
 * sends, the worst it gets is an error or a closed connection of its own.
 */
final class ChatServerHandler extends SimpleChannelInboundHandler<Object> {

    private static final Logger LOG = LoggerFactory.getLogger(ChatServerHandler.class);
    private static final AtomicLong CONNECTION_IDS = new AtomicLong();

    private final SessionRegistry registry;
    private final ServerEvents events;
    private final ServerSettings settings;
    private final TokenBucket flood;
    private Session session;
    private int idlePeriods;
    private boolean floodReported;

    /** @param settings the settings of this connection, fixed when it was accepted */
    ChatServerHandler(SessionRegistry registry, ServerEvents events, ServerSettings settings) {
        this.registry = registry;
        this.events = events;
        this.settings = settings;
        this.flood = new TokenBucket(settings.rateBurst(), settings.ratePerSecond(), System.nanoTime());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        session = new Session(CONNECTION_IDS.incrementAndGet(), ctx.channel(), Instant.now());
        if (!registry.register(session)) {
            session.markClosed();
            session.sendAndClose(new ErrorReply(null, ErrorCode.SERVER_FULL,
                    "The server has too many open connections. Try again later."), "too many connections");
            events.publish(new ServerEvent.ClientError(Instant.now(), session.id(), session.address(),
                    ErrorCode.SERVER_FULL.name(), "Refused a connection: " + settings.maxConnections() + " are open."));
            return;
        }
        session.send(new Welcome(settings.serverName(), ProtocolLimits.PROTOCOL_VERSION,
                "Welcome to " + settings.serverName() + ". Log in with {\"type\":\"login\",\"name\":\"your name\"}."));
        armLoginDeadline(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (session == null) {
            return;
        }
        session.cancelLoginDeadline();
        String reason = session.closeReason();
        if (!registry.leave(session, LeaveReason.LOST, reason == null ? "connection closed" : reason)
                && session.markClosed()) {
            events.publish(new ServerEvent.HostClosed(Instant.now(), session.id(), session.address(),
                    reason == null ? "disconnected" : reason));
        }
        registry.unregister(session);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object message) {
        idlePeriods = 0;
        if (session.phase() == Session.Phase.CLOSED) {
            return;
        }
        if (message instanceof Pong) {
            return;
        }
        if (!flood.tryTake(System.nanoTime())) {
            refuseFlood(message);
            return;
        }
        floodReported = false;
        if (message instanceof BadFrame bad) {
            refuse(new ErrorReply(bad.problem().requestId(), bad.problem().code(), bad.problem().getMessage()));
        } else if (message instanceof Login login) {
            onLogin(login);
        } else if (message instanceof Say say) {
            onSay(say);
        } else if (message instanceof Logout logout) {
            onLogout(ctx, logout);
        } else if (message instanceof Quit) {
            onQuit();
        } else if (message instanceof Ping ping) {
            session.send(new Pong(ping.id()));
        } else {
            LOG.warn("Unexpected pipeline message {}", message.getClass().getName());
        }
    }

    private void onLogin(Login login) {
        if (session.isUser()) {
            refuse(new ErrorReply(login.id(), ErrorCode.ALREADY_LOGGED_IN, "You are already logged in as " + session.name() + "."));
            return;
        }
        ErrorReply refusal = registry.login(session, login.name(), login.id());
        if (refusal != null) {
            refuse(refusal);
        }
    }

    private void onSay(Say say) {
        if (!session.isUser()) {
            refuse(new ErrorReply(say.id(), ErrorCode.NOT_LOGGED_IN, "Log in before you send messages."));
            return;
        }
        String problem = Texts.problem(say.text()).orElse(null);
        if (problem != null) {
            refuse(new ErrorReply(say.id(), ErrorCode.INVALID_TEXT, problem));
            return;
        }
        registry.say(session, say.text(), say.id());
    }

    private void onLogout(ChannelHandlerContext ctx, Logout logout) {
        if (!registry.leave(session, LeaveReason.LOGOUT, "")) {
            refuse(new ErrorReply(logout.id(), ErrorCode.NOT_LOGGED_IN, "You are not logged in."));
            return;
        }
        session.send(new LoggedOut(logout.id()));
        armLoginDeadline(ctx);
    }

    private void onQuit() {
        registry.leave(session, LeaveReason.QUIT, "");
        session.close("quit");
    }

    private void refuseFlood(Object message) {
        String requestId = requestId(message);
        session.send(new ErrorReply(requestId, ErrorCode.RATE_LIMITED,
                "Slow down: at most " + settings.rateBurst() + " requests at once and "
                        + settings.ratePerSecond() + " per second. This one was dropped."));
        if (!floodReported) {
            // One log entry per flood, not one per dropped request, so a flood cannot flood the log too.
            floodReported = true;
            events.publish(new ServerEvent.ClientError(Instant.now(), session.id(), session.who(),
                    ErrorCode.RATE_LIMITED.name(), "Sending too fast; requests are being dropped."));
        }
    }

    private void refuse(ErrorReply reply) {
        session.send(reply);
        events.publish(new ServerEvent.ClientError(Instant.now(), session.id(), session.who(),
                reply.code().name(), reply.message()));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (!(event instanceof IdleStateEvent)) {
            ctx.fireUserEventTriggered(event);
            return;
        }
        idlePeriods++;
        long silentNanos = idlePeriods * settings.pingAfter().toNanos();
        if (silentNanos >= settings.idleTimeout().toNanos()) {
            session.close("no answer for " + settings.idleTimeout().toSeconds() + " s");
        } else if (idlePeriods == 1) {
            session.send(new Ping(null));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            if (session != null && session.phase() != Session.Phase.CLOSED) {
                refuse(new ErrorReply(null, ErrorCode.FRAME_TOO_LARGE,
                        "A line was longer than " + ProtocolLimits.MAX_FRAME_BYTES + " bytes and was skipped."));
            }
            return;
        }
        if (cause instanceof IOException) {
            LOG.debug("Connection {} failed: {}", session == null ? "?" : session.address(), cause.toString());
        } else {
            LOG.warn("Unexpected error on connection {}; closing it", session == null ? "?" : session.address(), cause);
        }
        if (session != null) {
            session.close("connection error");
        } else {
            ctx.close();
        }
    }

    private void armLoginDeadline(ChannelHandlerContext ctx) {
        long millis = settings.loginTimeout().toMillis();
        session.setLoginDeadline(ctx.executor().schedule(() -> {
            if (session.phase() == Session.Phase.PENDING) {
                session.close("did not log in within " + settings.loginTimeout().toSeconds() + " s");
            }
        }, millis, TimeUnit.MILLISECONDS));
    }

    private static String requestId(Object message) {
        if (message instanceof Login m) {
            return m.id();
        } else if (message instanceof Say m) {
            return m.id();
        } else if (message instanceof Logout m) {
            return m.id();
        } else if (message instanceof Quit m) {
            return m.id();
        } else if (message instanceof Ping m) {
            return m.id();
        } else if (message instanceof BadFrame m) {
            return m.problem().requestId();
        }
        return null;
    }
}
