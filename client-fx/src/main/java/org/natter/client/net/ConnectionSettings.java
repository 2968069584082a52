package org.natter.client.net;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts and the reconnection backoff of a {@link ChatConnection}; {@link ReconnectPolicy} applies the backoff.
 *
 * @param connectTimeout    how long opening the socket may take
 * @param replyTimeout      how long the server may take to send {@code welcome} and to answer a request
 * @param silenceTimeout    after this long without a line from the server the client sends a {@code ping}; after twice
 *                          this long the connection counts as lost (the server pings silent clients every 30 s by default)
 * @param firstRetryDelay   the delay before the first reconnection attempt; each further one doubles it
 * @param maxRetryDelay     the longest delay between attempts
 * @param jitter            0 to 1: each delay is varied by up to this fraction, so that clients dropped together by a
 *                          server restart do not all come back in the same instant
 * @param maxAttempts       attempts before giving up; 0 for no limit
 * @param serverIdleTimeout how long the server may go on holding a session whose socket died without a goodbye (the
 *                          server's idle timeout, 90 s by default): a reconnection answered {@code NAME_TAKEN} keeps
 *                          trying for this long after the drop, since the name may be held by this client's own old
 *                          session
 */
public record ConnectionSettings(Duration connectTimeout, Duration replyTimeout, Duration silenceTimeout,
                                 Duration firstRetryDelay, Duration maxRetryDelay, double jitter, int maxAttempts,
                                 Duration serverIdleTimeout) {

    /** The server's default idle timeout (see docs/PROTOCOL.md). */
    public static final Duration DEFAULT_SERVER_IDLE_TIMEOUT = Duration.ofSeconds(90);

    public ConnectionSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(replyTimeout, "replyTimeout");
        Objects.requireNonNull(silenceTimeout, "silenceTimeout");
        Objects.requireNonNull(firstRetryDelay, "firstRetryDelay");
        Objects.requireNonNull(maxRetryDelay, "maxRetryDelay");
        Objects.requireNonNull(serverIdleTimeout, "serverIdleTimeout");
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be between 0 and 1");
        }
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("maxAttempts must not be negative");
        }
        if (serverIdleTimeout.isNegative()) {
            throw new IllegalArgumentException("serverIdleTimeout must not be negative");
        }
    }

    /**
     * 5 s to connect, 10 s for answers, a ping after 45 s of silence, retries from 0.5 s up to 30 s, forever; a name
     * taken on reconnection is retried for 90 s.
     */
    public static ConnectionSettings defaults() {
        return new ConnectionSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(45),
                Duration.ofMillis(500), Duration.ofSeconds(30), 0.3, 0, DEFAULT_SERVER_IDLE_TIMEOUT);
    }

    public ConnectionSettings withTimeouts(Duration newConnectTimeout, Duration newReplyTimeout) {
        return new ConnectionSettings(newConnectTimeout, newReplyTimeout, silenceTimeout, firstRetryDelay,
                maxRetryDelay, jitter, maxAttempts, serverIdleTimeout);
    }

    public ConnectionSettings withSilenceTimeout(Duration newSilenceTimeout) {
        return new ConnectionSettings(connectTimeout, replyTimeout, newSilenceTimeout, firstRetryDelay,
                maxRetryDelay, jitter, maxAttempts, serverIdleTimeout);
    }

    public ConnectionSettings withBackoff(Duration newFirstRetryDelay, Duration newMaxRetryDelay, int newMaxAttempts) {
        return new ConnectionSettings(connectTimeout, replyTimeout, silenceTimeout, newFirstRetryDelay,
                newMaxRetryDelay, jitter, newMaxAttempts, serverIdleTimeout);
    }

    public ConnectionSettings withJitter(double newJitter) {
        return new ConnectionSettings(connectTimeout, replyTimeout, silenceTimeout, firstRetryDelay,
                maxRetryDelay, newJitter, maxAttempts, serverIdleTimeout);
    }

    public ConnectionSettings withServerIdleTimeout(Duration newServerIdleTimeout) {
        return new ConnectionSettings(connectTimeout, replyTimeout, silenceTimeout, firstRetryDelay,
                maxRetryDelay, jitter, maxAttempts, newServerIdleTimeout);
    }
}
