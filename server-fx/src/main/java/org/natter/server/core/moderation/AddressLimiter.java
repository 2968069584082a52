package org.natter.server.core.moderation;

import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the connections of each address: how many are open, how many were opened lately. Called from any I/O
 * thread as connections open and close; each address's count is guarded by its own lock, so addresses do not
 * wait for each other.
 */
public final class AddressLimiter {

    private static final class Counts {
        int open;
        final Deque<Long> opened = new ArrayDeque<>();
    }

    private final Map<InetAddress, Counts> byAddress = new ConcurrentHashMap<>();

    /**
     * Admits a new connection from {@code address}, or says why not (a sentence for the client).
     *
     * @return null when admitted (then {@link #release} must follow when it closes)
     */
    public String admit(InetAddress address, AddressLimits limits, long nowNanos) {
        Counts counts = byAddress.computeIfAbsent(address, a -> new Counts());
        synchronized (counts) {
            long windowStart = nowNanos - limits.newConnectionsWindow().toNanos();
            while (!counts.opened.isEmpty() && counts.opened.peekFirst() - windowStart < 0) {
                counts.opened.pollFirst();
            }
            if (counts.open >= limits.maxConnections()) {
                return "Too many connections from your address: at most " + limits.maxConnections()
                        + " at once. Close one and try again.";
            }
            if (counts.opened.size() >= limits.newConnections()) {
                return "Too many new connections from your address: at most " + limits.newConnections() + " in "
                        + limits.newConnectionsWindow().toSeconds() + " s. Wait a moment and try again.";
            }
            counts.open++;
            counts.opened.addLast(nowNanos);
            return null;
        }
    }

    /** A connection that was admitted closed. */
    public void release(InetAddress address) {
        Counts counts = byAddress.get(address);
        if (counts == null) {
            return;
        }
        synchronized (counts) {
            counts.open = Math.max(0, counts.open - 1);
            if (counts.open == 0 && counts.opened.isEmpty()) {
                byAddress.remove(address, counts);
            }
        }
    }

    /** Connections open from {@code address} now. */
    public int open(InetAddress address) {
        Counts counts = byAddress.get(address);
        if (counts == null) {
            return 0;
        }
        synchronized (counts) {
            return counts.open;
        }
    }
}
