package org.natter.common.protocol;

/** The {@code code} of an {@code error} frame. Every one is documented in docs/PROTOCOL.md. */
public enum ErrorCode {
    /** The line is not one well-formed JSON object with a string {@code type}, or a field has the wrong type. */
    BAD_JSON,
    /** The {@code type} is not one this side understands. */
    UNKNOWN_TYPE,
    /** The line was longer than {@link ProtocolLimits#MAX_FRAME_BYTES}; it was discarded. */
    FRAME_TOO_LARGE,
    /** The request needs a logged-in user. */
    NOT_LOGGED_IN,
    /** {@code login} from a connection that is already logged in. */
    ALREADY_LOGGED_IN,
    /** Another user has this name (compared ignoring case and compatibility forms). */
    NAME_TAKEN,
    /** The name breaks the naming rules. */
    INVALID_NAME,
    /** The text is empty, blank, too long, or holds control characters. */
    INVALID_TEXT,
    /** Too many requests in too short a time; the request was dropped. */
    RATE_LIMITED,
    /** The server has as many users as it accepts. */
    SERVER_FULL,
    /** The room name breaks the naming rules for rooms. */
    INVALID_ROOM,
    /** There is no room of that name (and users may not create one). */
    NO_SUCH_ROOM,
    /** The request names a room the user is not in. */
    NOT_IN_ROOM,
    /** A direct message to a name nobody is logged in as. */
    NO_SUCH_USER,
    /** The user may not do this (set the topic of a room someone else created). */
    FORBIDDEN,
    /** The server has as many rooms as it allows, or the user is in as many rooms as one user may be. */
    TOO_MANY_ROOMS,
    /** The room has as many members as a room may have. */
    ROOM_FULL,
    /** The other side speaks an older protocol version that cannot do this (a direct message to a version-1 client). */
    UNSUPPORTED,
    /** The name or the address is banned; the message says until when and why. */
    BANNED,
    /** The user is muted: they may read but not write; the message says until when and why. */
    MUTED,
    /** Too many connections from one address (at once, or new ones lately); the connection is closed. */
    TOO_MANY_CONNECTIONS,
    /** The server could not do it just now (its history store failed); trying again later may work. */
    UNAVAILABLE,
    /**
     * The server needs a password and the {@code login} had none or a wrong one, or this address gave too many wrong
     * passwords lately (the message says how long to wait).
     */
    BAD_PASSWORD,
    /**
     * The server takes encrypted (TLS) connections only: sent to a plain-text connection before it is closed, or as
     * the answer to a {@code login} with a password over plain text.
     */
    TLS_REQUIRED
}
