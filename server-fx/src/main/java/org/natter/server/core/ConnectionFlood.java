package org.natter.server.core;

import java.time.Instant;
import org.natter.common.model.ServerEvent;
import org.natter.common.protocol.ClientFrame;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ErrorReply;
import org.natter.server.core.moderation.FloodWatch;

/**
 * One connection's flood limit: a token bucket for its requests, one log entry per flood (not one per dropped
 * request, so a flood cannot flood the log too), and the connection closed once it keeps sending after being told
 * to slow down ({@link FloodWatch}). Owned by the connection's I/O thread.
 */
final class ConnectionFlood {

    /** Why a flooding connection was closed; the others see it as the {@code detail} of its {@code left}. */
    static final String FLOODING = "flooding";

    private final ServerSettings settings;
    private final ServerEvents events;
    private final NanoClock clock;
    private final TokenBucket bucket;
    private final FloodWatch watch;
    private boolean reported;
    private boolean closed;

    ConnectionFlood(ServerSettings settings, ServerEvents events, NanoClock clock) {
        this.settings = settings;
        this.events = events;
        this.clock = clock;
        this.bucket = new TokenBucket(settings.rateBurst(), settings.ratePerSecond(), clock.nanoTime());
        this.watch = new FloodWatch(settings.addressLimits().floodRefusals(), settings.addressLimits().floodWindow());
    }

    /**
     * True when {@code session} may send {@code message} now; otherwise the request is refused with a reason, the
     * operator told once per flood, and a connection that keeps on is closed ({@link #closedForFlooding()}).
     */
    boolean admits(Session session, Object message) {
        if (bucket.tryTake(clock.nanoTime())) {
            reported = false;
            return true;
        }
        String requestId = message instanceof ClientFrame frame ? frame.requestId()
                : message instanceof BadFrame bad ? bad.problem().requestId() : null;
        session.send(new ErrorReply(requestId, ErrorCode.RATE_LIMITED,
                "Slow down: at most " + settings.rateBurst() + " requests at once and "
                        + settings.ratePerSecond() + " per second. This one was dropped."));
        if (!reported) {
            reported = true;
            events.publish(new ServerEvent.ClientError(Instant.now(), session.id(), session.who(),
                    ErrorCode.RATE_LIMITED.name(), "Sending too fast; requests are being dropped."));
        }
        if (watch.refused(clock.nanoTime())) {
            closed = true;
            events.publish(new ServerEvent.ClientError(Instant.now(), session.id(), session.who(),
                    ErrorCode.RATE_LIMITED.name(), "Disconnected for flooding: it kept sending after being told to slow down."));
            session.close(FLOODING);
        }
        return false;
    }

    /** True once the connection was closed for flooding: nothing it sent after that is handled. */
    boolean closedForFlooding() {
        return closed;
    }
}
