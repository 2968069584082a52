package org.natter.server.core.security;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Slows down password guessing: one address gets {@link #MAX_TRIES} password checks per {@link #WINDOW}; a right
 * password forgets its wrong ones. A try is counted when it starts, so many connections from one address cannot
 * start more checks at once than the limit either. Thread-safe (any I/O thread; each call is short).
 */
public final class PasswordThrottle {

    public static final int MAX_TRIES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(1);
    /** Past this many addresses, those with no recent try are forgotten, so the map cannot grow without end. */
    private static final int PRUNE_ABOVE = 10_000;

    private final int maxTries;
    private final long windowNanos;
    private final Map<InetAddress, ArrayDeque<Long>> tries = new HashMap<>();

    public PasswordThrottle() {
        this(MAX_TRIES, WINDOW);
    }

    PasswordThrottle(int maxTries, Duration window) {
        this.maxTries = maxTries;
        this.windowNanos = window.toNanos();
    }

    /**
     * Counts a try from {@code address} if one is left.
     *
     * @return {@link Duration#ZERO} when the try may go ahead, otherwise how long until the next one may
     */
    public synchronized Duration tryAcquire(InetAddress address, long nowNanos) {
        if (tries.size() > PRUNE_ABOVE) {
            prune(nowNanos);
        }
        ArrayDeque<Long> recent = tries.computeIfAbsent(address, a -> new ArrayDeque<>());
        while (!recent.isEmpty() && nowNanos - recent.peekFirst() >= windowNanos) {
            recent.removeFirst();
        }
        if (recent.size() >= maxTries) {
            return Duration.ofNanos(windowNanos - (nowNanos - recent.peekFirst()));
        }
        recent.addLast(nowNanos);
        return Duration.ZERO;
    }

    /** The password was right: the tries of this address are forgotten. */
    public synchronized void succeeded(InetAddress address) {
        tries.remove(address);
    }

    private void prune(long nowNanos) {
        for (Iterator<ArrayDeque<Long>> it = tries.values().iterator(); it.hasNext(); ) {
            ArrayDeque<Long> recent = it.next();
            if (recent.isEmpty() || nowNanos - recent.peekLast() >= windowNanos) {
                it.remove();
            }
        }
    }
}
