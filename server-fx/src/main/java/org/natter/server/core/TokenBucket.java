package org.natter.server.core;

/**
 * A flood limit: up to {@code burst} requests at once, then {@code ratePerSecond} in the long run.
 * Used by one connection's I/O thread only, so it needs no locking.
 */
final class TokenBucket {

    private final double capacity;
    private final double tokensPerNano;
    private double tokens;
    private long lastRefill;

    TokenBucket(int burst, double ratePerSecond, long nowNanos) {
        this.capacity = burst;
        this.tokensPerNano = ratePerSecond / 1_000_000_000.0;
        this.tokens = burst;
        this.lastRefill = nowNanos;
    }

    /** Takes one token if there is one. */
    boolean tryTake(long nowNanos) {
        long elapsed = Math.max(0, nowNanos - lastRefill);
        tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
        lastRefill = nowNanos;
        if (tokens >= 1.0) {
            tokens -= 1.0;
            return true;
        }
        return false;
    }
}
