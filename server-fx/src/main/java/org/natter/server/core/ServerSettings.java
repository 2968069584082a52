package org.natter.server.core;

import java.time.Duration;
import java.util.Objects;

/**
 * Every limit and timeout of a chat server, with defaults suited to a class or an office. Each one can be changed
 * from the command line (see {@code ServerCommandLine}) and is documented in docs/PROTOCOL.md.
 *
 * @param port                the TCP port; 0 picks a free one
 * @param bindAddress         the address to listen on; {@code null} or empty for every interface
 * @param serverName          shown to clients in {@code welcome}
 * @param welcomeText         shown to a user after login; may be empty
 * @param maxUsers            logged-in users at most; one more login gets SERVER_FULL
 * @param maxConnections      open connections (pending and logged in) at most; more are closed at once
 * @param loginTimeout        a pending host that has not logged in by then is dropped
 * @param pingAfter           a client silent this long is sent a {@code ping}
 * @param idleTimeout         a client silent this long is dropped as lost
 * @param rateBurst           requests a client may send at once before RATE_LIMITED
 * @param ratePerSecond       requests per second a client may send in the long run
 * @param maxOutboundBytes    bytes queued for a client that does not read; past this it is dropped as too slow
 */
public record ServerSettings(
        int port,
        String bindAddress,
        String serverName,
        String welcomeText,
        int maxUsers,
        int maxConnections,
        Duration loginTimeout,
        Duration pingAfter,
        Duration idleTimeout,
        int rateBurst,
        double ratePerSecond,
        int maxOutboundBytes) {

    public static final int DEFAULT_PORT = 8020;

    public ServerSettings {
        Objects.requireNonNull(loginTimeout, "loginTimeout");
        Objects.requireNonNull(pingAfter, "pingAfter");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("The port must be between 0 and 65535.");
        }
        requirePositive(maxUsers, "maxUsers");
        requirePositive(maxConnections, "maxConnections");
        requirePositive(rateBurst, "rateBurst");
        requirePositive(maxOutboundBytes, "maxOutboundBytes");
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("ratePerSecond must be greater than 0.");
        }
        if (loginTimeout.isNegative() || loginTimeout.isZero() || pingAfter.isNegative() || pingAfter.isZero()
                || idleTimeout.compareTo(pingAfter) <= 0) {
            throw new IllegalArgumentException("Timeouts must be positive, and the idle timeout longer than the ping interval.");
        }
        serverName = serverName == null || serverName.isBlank() ? "Natter" : serverName.strip();
        welcomeText = welcomeText == null ? "" : welcomeText;
        bindAddress = bindAddress == null ? "" : bindAddress.strip();
    }

    /** The defaults: port 8020, 200 users, 1,000 connections, 30 s to log in, ping after 30 s, drop after 90 s. */
    public static ServerSettings defaults() {
        return new ServerSettings(DEFAULT_PORT, "", "Natter", "", 200, 1_000,
                Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(90),
                20, 5.0, 1 << 20);
    }

    public ServerSettings withPort(int newPort) {
        return new ServerSettings(newPort, bindAddress, serverName, welcomeText, maxUsers, maxConnections,
                loginTimeout, pingAfter, idleTimeout, rateBurst, ratePerSecond, maxOutboundBytes);
    }

    public ServerSettings withInfo(String newServerName, String newWelcomeText) {
        return new ServerSettings(port, bindAddress, newServerName, newWelcomeText, maxUsers, maxConnections,
                loginTimeout, pingAfter, idleTimeout, rateBurst, ratePerSecond, maxOutboundBytes);
    }

    public ServerSettings withLimits(int newMaxUsers, int newMaxConnections, int newRateBurst, double newRatePerSecond,
                                     int newMaxOutboundBytes) {
        return new ServerSettings(port, bindAddress, serverName, welcomeText, newMaxUsers, newMaxConnections,
                loginTimeout, pingAfter, idleTimeout, newRateBurst, newRatePerSecond, newMaxOutboundBytes);
    }

    public ServerSettings withTimeouts(Duration newLoginTimeout, Duration newPingAfter, Duration newIdleTimeout) {
        return new ServerSettings(port, bindAddress, serverName, welcomeText, maxUsers, maxConnections,
                newLoginTimeout, newPingAfter, newIdleTimeout, rateBurst, ratePerSecond, maxOutboundBytes);
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be greater than 0.");
        }
    }
}
