package org.natter.client.net;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.natter.client.net.ConnectionFailure.Kind;

/**
 * When to try again after the connection dropped, and when to stop: exponential backoff with jitter, at most
 * {@link ConnectionSettings#maxAttempts()} attempts, and a {@code NAME_TAKEN} answer tolerated for as long as the
 * server may still hold the dropped session ({@link ConnectionSettings#serverIdleTimeout()}).
 *
 * <p>Immutable and free of sockets and threads: the clock and the random source are injected, so tests drive it
 * with fakes. Thread-safe as long as they are (the defaults, {@link System#nanoTime} and
 * {@link ThreadLocalRandom}, are).
 */
final class ReconnectPolicy {

    /** What to do after a drop or a failed attempt. */
    sealed interface Decision {
    }

    /** Attempt number {@code attempt} (1 for the first) after {@code delay}. */
    record Retry(int attempt, Duration delay) implements Decision {
    }

    /** Stop; the session ends with this reason. */
    record GiveUp(DisconnectReason reason, String detail) implements Decision {
    }

    private final ConnectionSettings settings;
    private final LongSupplier nanoClock;
    private final DoubleSupplier random;

    /**
     * @param nanoClock a monotonic clock in nanoseconds
     * @param random    values from 0 (inclusive) to 1 (exclusive) for the jitter
     */
    ReconnectPolicy(ConnectionSettings settings, LongSupplier nanoClock, DoubleSupplier random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.random = Objects.requireNonNull(random, "random");
    }

    static ReconnectPolicy of(ConnectionSettings settings) {
        return new ReconnectPolicy(settings, System::nanoTime, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** Now on the policy's clock, to note when a drop happened. */
    long now() {
        return nanoClock.getAsLong();
    }

    /** The first attempt after a drop. */
    Retry afterDrop() {
        return new Retry(1, backoff(1));
    }

    /**
     * After attempt {@code failedAttempt} failed with {@code failure}, for a connection that dropped at
     * {@code droppedAtNanos}: the next attempt, or the reason to stop.
     */
    Decision afterFailure(int failedAttempt, long droppedAtNanos, ConnectionFailure failure) {
        Kind kind = failure.kind();
        if (kind == Kind.INVALID_NAME || kind == Kind.CLOSED) {
            return new GiveUp(kind == Kind.CLOSED ? DisconnectReason.QUIT : DisconnectReason.NAME_TAKEN,
                    String.valueOf(failure.getMessage()));
        }
        if (failure.isFinal()) {
            return new GiveUp(DisconnectReason.LOST, String.valueOf(failure.getMessage()));
        }
        int next = failedAttempt + 1;
        boolean nameTaken = kind == Kind.NAME_TAKEN;
        if (settings.maxAttempts() > 0 && next > settings.maxAttempts()) {
            return new GiveUp(nameTaken ? DisconnectReason.NAME_TAKEN : DisconnectReason.LOST,
                    "Gave up reconnecting after " + settings.maxAttempts() + " attempts.");
        }
        Duration delay = backoff(next);
        if (nameTaken) {
            // The server may still hold the session that dropped, half open, until its idle timeout ends it; a
            // name taken after that is someone else's.
            Duration remaining = settings.serverIdleTimeout().minusNanos(nanoClock.getAsLong() - droppedAtNanos);
            if (remaining.isNegative() || remaining.isZero()) {
                return new GiveUp(DisconnectReason.NAME_TAKEN, String.valueOf(failure.getMessage()));
            }
            // The last try comes just after the old session must have gone, not a whole backoff later.
            Duration lastChance = remaining.plus(settings.firstRetryDelay());
            if (delay.compareTo(lastChance) > 0) {
                delay = lastChance;
            }
        }
        return new Retry(next, delay);
    }

    /** The wait before attempt {@code attempt} (1 for the first): doubled each time, capped, then jittered. */
    Duration backoff(int attempt) {
        long first = Math.max(1, settings.firstRetryDelay().toMillis());
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        long base = Math.min(settings.maxRetryDelay().toMillis(), first << doublings);
        double factor = 1 + settings.jitter() * (random.getAsDouble() * 2 - 1);
        return Duration.ofMillis(Math.max(1, Math.round(base * factor)));
    }
}
