package org.natter.server.core;

import java.time.Duration;
import java.util.Objects;
import org.natter.server.core.moderation.AddressLimits;
import org.natter.server.core.room.BacklogLimits;
import org.natter.server.core.room.RoomSettings;

/**
 * Every limit and timeout of a chat server, with defaults suited to a class or an office. Each one can be changed
 * from the command line (see {@code ServerCommandLine}) and is documented in docs/PROTOCOL.md. Build them by name:
 * {@code ServerSettings.builder().port(0).maxUsers(50).build()}, or {@code settings.toBuilder()...build()} for a
 * changed copy; the canonical constructor checks every value.
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
 * @param rooms               the room limits: who may create rooms, how many, how big, how long an empty one stays
 * @param historyReplay       the messages of a room a member is shown on entering it (0 to 500)
 * @param addressLimits       what one address may open, and when a flood ends in a disconnect
 * @param waitingRoom         new users wait until the operator admits them (off by default)
 * @param backlog             how much traffic may wait inside the server before senders are paused (backpressure)
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
        int maxOutboundBytes,
        RoomSettings rooms,
        int historyReplay,
        AddressLimits addressLimits,
        boolean waitingRoom,
        BacklogLimits backlog) {

    public static final int DEFAULT_PORT = 8020;

    public ServerSettings {
        Objects.requireNonNull(rooms, "rooms");
        Objects.requireNonNull(addressLimits, "addressLimits");
        Objects.requireNonNull(backlog, "backlog");
        if (historyReplay < 0 || historyReplay > 500) {
            throw new IllegalArgumentException("The history shown on joining must be 0 to 500 messages.");
        }
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
        return builder().build();
    }

    /** A builder that starts from the {@linkplain #defaults() defaults}; set what differs, then {@link Builder#build}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public ServerSettings withPort(int newPort) {
        return toBuilder().port(newPort).build();
    }

    public ServerSettings withInfo(String newServerName, String newWelcomeText) {
        return toBuilder().serverName(newServerName).welcomeText(newWelcomeText).build();
    }

    public ServerSettings withLimits(int newMaxUsers, int newMaxConnections, int newRateBurst, double newRatePerSecond,
                                     int newMaxOutboundBytes) {
        return toBuilder().maxUsers(newMaxUsers).maxConnections(newMaxConnections).rateBurst(newRateBurst)
                .ratePerSecond(newRatePerSecond).maxOutboundBytes(newMaxOutboundBytes).build();
    }

    public ServerSettings withTimeouts(Duration newLoginTimeout, Duration newPingAfter, Duration newIdleTimeout) {
        return toBuilder().loginTimeout(newLoginTimeout).pingAfter(newPingAfter).idleTimeout(newIdleTimeout).build();
    }

    /**
     * Server settings by name rather than by position. Not thread-safe; {@link #build} checks the values (through
     * the record's constructor) and can be called again after more changes.
     */
    public static final class Builder {
        private int port = DEFAULT_PORT;
        private String bindAddress = "";
        private String serverName = "Natter";
        private String welcomeText = "";
        private int maxUsers = 200;
        private int maxConnections = 1_000;
        private Duration loginTimeout = Duration.ofSeconds(30);
        private Duration pingAfter = Duration.ofSeconds(30);
        private Duration idleTimeout = Duration.ofSeconds(90);
        private int rateBurst = 20;
        private double ratePerSecond = 5.0;
        private int maxOutboundBytes = 1 << 20;
        private RoomSettings rooms = RoomSettings.defaults();
        private int historyReplay = 50;
        private AddressLimits addressLimits = AddressLimits.defaults();
        private boolean waitingRoom;
        private BacklogLimits backlog = BacklogLimits.defaults();

        private Builder() {
        }

        private Builder(ServerSettings from) {
            port = from.port;
            bindAddress = from.bindAddress;
            serverName = from.serverName;
            welcomeText = from.welcomeText;
            maxUsers = from.maxUsers;
            maxConnections = from.maxConnections;
            loginTimeout = from.loginTimeout;
            pingAfter = from.pingAfter;
            idleTimeout = from.idleTimeout;
            rateBurst = from.rateBurst;
            ratePerSecond = from.ratePerSecond;
            maxOutboundBytes = from.maxOutboundBytes;
            rooms = from.rooms;
            historyReplay = from.historyReplay;
            addressLimits = from.addressLimits;
            waitingRoom = from.waitingRoom;
            backlog = from.backlog;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder bindAddress(String value) {
            bindAddress = value;
            return this;
        }

        public Builder serverName(String value) {
            serverName = value;
            return this;
        }

        public Builder welcomeText(String value) {
            welcomeText = value;
            return this;
        }

        public Builder maxUsers(int value) {
            maxUsers = value;
            return this;
        }

        public Builder maxConnections(int value) {
            maxConnections = value;
            return this;
        }

        public Builder loginTimeout(Duration value) {
            loginTimeout = value;
            return this;
        }

        public Builder pingAfter(Duration value) {
            pingAfter = value;
            return this;
        }

        public Builder idleTimeout(Duration value) {
            idleTimeout = value;
            return this;
        }

        public Builder rateBurst(int value) {
            rateBurst = value;
            return this;
        }

        public Builder ratePerSecond(double value) {
            ratePerSecond = value;
            return this;
        }

        public Builder maxOutboundBytes(int value) {
            maxOutboundBytes = value;
            return this;
        }

        public Builder addressLimits(AddressLimits value) {
            addressLimits = value;
            return this;
        }

        /** New users wait until the operator admits them; see {@code ChatServer#admit}. */
        public Builder waitingRoom(boolean value) {
            waitingRoom = value;
            return this;
        }

        public Builder historyReplay(int value) {
            historyReplay = value;
            return this;
        }

        /** The marks of the backpressure on senders; the defaults suit any server, tests lower them. */
        public Builder backlog(BacklogLimits value) {
            backlog = value;
            return this;
        }

        public Builder rooms(RoomSettings value) {
            rooms = value;
            return this;
        }

        /** @throws IllegalArgumentException with a sentence for the operator when a value is out of range */
        public ServerSettings build() {
            return new ServerSettings(port, bindAddress, serverName, welcomeText, maxUsers, maxConnections,
                    loginTimeout, pingAfter, idleTimeout, rateBurst, ratePerSecond, maxOutboundBytes, rooms,
                    historyReplay, addressLimits, waitingRoom, backlog);
        }
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be greater than 0.");
        }
    }
}
