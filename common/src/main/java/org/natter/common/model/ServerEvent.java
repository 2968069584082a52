package org.natter.common.model;

import java.time.Instant;

/**
 * Something that happened on a chat server, as the admin window and the log see it. Every event carries the moment
 * it happened. Connections are identified by {@code connectionId}, which stays the same while a connection goes
 * from pending host to user and back.
 */
public sealed interface ServerEvent {

    Instant at();

    /** The server listens on {@code port}. */
    record Started(Instant at, int port) implements ServerEvent {
    }

    /** The server stopped; every connection is closed and all state is gone. */
    record Stopped(Instant at) implements ServerEvent {
    }

    /** A connection is pending: newly connected, or logged out and back to pending. */
    record HostPending(Instant at, PendingHost host) implements ServerEvent {
    }

    /** A pending connection closed (dropped by the operator, timed out, or closed by the client). */
    record HostClosed(Instant at, long connectionId, String address, String why) implements ServerEvent {
    }

    /** A pending connection logged in; it is no longer pending. */
    record UserJoined(Instant at, ConnectedUser user) implements ServerEvent {
    }

    /**
     * A user left. For {@link LeaveReason#LOGOUT} a {@link HostPending} for the same connection follows.
     *
     * @param detail the kick reason, or what went wrong for {@link LeaveReason#LOST}; may be empty
     */
    record UserLeft(Instant at, ConnectedUser user, LeaveReason reason, String detail) implements ServerEvent {
    }

    /** A user's message went out to everyone; {@code user} carries the updated message count. */
    record MessageSent(Instant at, ConnectedUser user, ChatMessage message) implements ServerEvent {
    }

    /** The operator's announcement went out to everyone. */
    record Announced(Instant at, String text, int recipients) implements ServerEvent {
    }

    /**
     * A client's request was refused (bad JSON, flood, wrong order, ...). {@code who} is the user's name, or the
     * address for a pending host.
     */
    record ClientError(Instant at, long connectionId, String who, String code, String message) implements ServerEvent {
    }

    /** A room was created, or its topic or members changed; {@code room} is its new state. */
    record RoomUpdated(Instant at, RoomInfo room) implements ServerEvent {
    }

    /** A room was deleted by the operator, or removed because it stayed empty. */
    record RoomRemoved(Instant at, String name) implements ServerEvent {
    }

    /**
     * The operator banned, muted, unbanned or unmuted someone.
     *
     * @param action "ban", "mute", "unban" or "unmute"
     * @param target a user's name, an address or a range
     * @param until  when it ends, as the operator reads it ("until 29 Nov 18:30", "for good"); empty for a lift
     * @param reason may be empty
     */
    record Moderated(Instant at, String action, String target, String until, String reason) implements ServerEvent {
    }

    /** Something went wrong in the server itself, such as a port already in use. */
    record Failure(Instant at, String message) implements ServerEvent {
    }
}
