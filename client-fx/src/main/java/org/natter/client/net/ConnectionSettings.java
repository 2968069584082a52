package org.natter.client.net;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Timeouts and the reconnection backoff of a {@link ChatConnection}.
 *
 * @param connectTimeout  how long opening the socket may take
 * @param replyTimeout    how long the server may take to send {@code welcome} and to answer a request
 * @param silenceTimeout  after this long without a line from the server the client sends a {@code ping}; after twice
 *                        this long the connection counts as lost (the server pings silent clients every 30 s by default)
 * @param firstRetryDelay the delay before the first reconnection attempt; each further one doubles it
 * @param maxRetryDelay   the longest delay between attempts
 * @param jitter          0 to 1: each delay is varied by up to this fraction, so that clients dropped together by a
 *                        server restart do not all come back in the same instant
 * @param maxAttempts     attempts before giving up; 0 for no limit
 */
public record ConnectionSettings(Duration connectTimeout, Duration replyTimeout, Duration silenceTimeout,
                                 Duration firstRetryDelay, Duration maxRetryDelay, double jitter, int maxAttempts) {

    public ConnectionSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(replyTimeout, "replyTimeout");
        Objects.requireNonNull(silenceTimeout, "silenceTimeout");
        Objects.requireNonNull(firstRetryDelay, "firstRetryDelay");
        Objects.requireNonNull(maxRetryDelay, "maxRetryDelay");
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be between 0 and 1");
        }
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("maxAttempts must not be negative");
        }
    }

    /** 5 s to connect, 10 s for answers, a ping after 45 s of silence, retries from 0.5 s up to 30 s, forever. */
    public static ConnectionSettings defaults() {
        return new ConnectionSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(45),
                Duration.ofMillis(500), Duration.ofSeconds(30), 0.3, 0);
    }

    public ConnectionSettings withTimeouts(Duration newConnectTimeout, Duration newReplyTimeout) {
        return new ConnectionSettings(newConnectTimeout, newReplyTimeout, silenceTimeout, firstRetryDelay,
                maxRetryDelay, jitter, maxAttempts);
    }

    public ConnectionSettings withSilenceTimeout(Duration newSilenceTimeout) {
        return new ConnectionSettings(connectTimeout, replyTimeout, newSilenceTimeout, firstRetryDelay,
                maxRetryDelay, jitter, maxAttempts);
    }

    public ConnectionSettings withBackoff(Duration newFirstRetryDelay, Duration newMaxRetryDelay, int newMaxAttempts) {
        return new ConnectionSettings(connectTimeout, replyTimeout, silenceTimeout, newFirstRetryDelay,
                newMaxRetryDelay, jitter, newMaxAttempts);
    }

    /** The wait before reconnection attempt {@code attempt} (1 for the first): doubled each time, capped, jittered. */
    public Duration retryDelay(int attempt) {
        long first = Math.max(1, firstRetryDelay.toMillis());
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        long base = Math.min(maxRetryDelay.toMillis(), first << doublings);
        double factor = 1 + jitter * (ThreadLocalRandom.current().nextDouble() * 2 - 1);
        return Duration.ofMillis(Math.max(1, Math.round(base * factor)));
    }
}
