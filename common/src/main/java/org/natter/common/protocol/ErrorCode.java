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
    SERVER_FULL
}
