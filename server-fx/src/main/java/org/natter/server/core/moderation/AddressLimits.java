package org.natter.server.core.moderation;

import java.time.Duration;
import java.util.Objects;

/**
 * What one address (one machine) may do, so that it cannot take the whole server.
 *
 * @param maxConnections     connections open at once from one address (default 8)
 * @param newConnections     new connections from one address within {@code newConnectionsWindow} (default 20 in 10 s)
 * @param floodRefusals      RATE_LIMITED refusals within {@code floodWindow} after which a connection is closed as
 *                           flooding (default 50 in 10 s)
 */
public record AddressLimits(int maxConnections, int newConnections, Duration newConnectionsWindow,
                            int floodRefusals, Duration floodWindow) {

    public AddressLimits {
        Objects.requireNonNull(newConnectionsWindow, "newConnectionsWindow");
        Objects.requireNonNull(floodWindow, "floodWindow");
        if (maxConnections < 1 || newConnections < 1 || floodRefusals < 1) {
            throw new IllegalArgumentException("Address limits must be at least 1.");
        }
    }

    public static AddressLimits defaults() {
        return new AddressLimits(8, 20, Duration.ofSeconds(10), 50, Duration.ofSeconds(10));
    }

    /** Limits high enough for load tests and benchmarks, where every client comes from loopback. */
    public static AddressLimits generous() {
        return new AddressLimits(100_000, 100_000, Duration.ofSeconds(10), 50, Duration.ofSeconds(10));
    }

    public AddressLimits withConnections(int max, int perWindow) {
        return new AddressLimits(max, perWindow, newConnectionsWindow, floodRefusals, floodWindow);
    }
}
