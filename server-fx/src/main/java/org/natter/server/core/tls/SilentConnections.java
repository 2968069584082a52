package org.natter.server.core.tls;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many of a server's connections have not yet sent their first byte, across all its I/O threads: the sign of
 * a storm of connections, in which TLS hellos come late. Each {@link PlainOrTlsDetector} counts itself in on
 * connecting and out once decided or closed. Thread-safe; the storm's last sighting is a benign race between
 * I/O threads (any of them may move it forward).
 */
public final class SilentConnections {

    /**
     * Silent connections besides one's own that make a storm. A class logging in at once stays well below it; 500
     * TLS logins in flight on two cores leave hundreds silent for more than the plain-text wait.
     */
    public static final int STORM = 32;
    /**
     * How long a storm counts after the last time there were that many silent connections: its last hellos come
     * latest (the machine is still busy) while fewer and fewer connections are left silent.
     */
    public static final Duration LINGER = Duration.ofSeconds(10);

    private final AtomicInteger count = new AtomicInteger();
    private volatile boolean stormSeen;
    private volatile long lastStormNanos;

    void connected() {
        count.incrementAndGet();
    }

    void spoke() {
        count.decrementAndGet();
    }

    /**
     * True while so many connections are silent, or were within {@link #LINGER}, that one more silent one is more
     * likely a late TLS client than a plain one.
     *
     * @param nowNanos the caller's clock (its event loop's ticker)
     */
    boolean storm(long nowNanos) {
        if (count.get() > STORM) {
            lastStormNanos = nowNanos;
            stormSeen = true;
            return true;
        }
        return stormSeen && nowNanos - lastStormNanos < LINGER.toNanos();
    }

    public int count() {
        return count.get();
    }
}
