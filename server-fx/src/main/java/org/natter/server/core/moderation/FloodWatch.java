package org.natter.server.core.moderation;

import java.time.Duration;

/**
 * Counts one connection's RATE_LIMITED refusals in a sliding window; past the limit the connection is flooding
 * and is closed. Used by that connection's I/O thread only, so it needs no locking.
 */
public final class FloodWatch {

    private final long[] refusals;
    private final long windowNanos;
    private int next;
    private int count;

    public FloodWatch(int maxRefusals, Duration window) {
        this.refusals = new long[maxRefusals];
        this.windowNanos = window.toNanos();
    }

    /** Records a refusal; true when this one makes the connection a flood (the limit reached within the window). */
    public boolean refused(long nowNanos) {
        refusals[next] = nowNanos;
        next = (next + 1) % refusals.length;
        count = Math.min(count + 1, refusals.length);
        // The oldest of the last N refusals is where the ring goes next; all N within the window means a flood.
        return count == refusals.length && nowNanos - refusals[next] <= windowNanos;
    }
}
