package org.natter.client.net;

import org.natter.common.protocol.ErrorCode;

/**
 * Why a connection, a login or a request did not work. {@link #kind()} is what a user interface turns into a sentence;
 * the message is for the log.
 */
public final class ConnectionFailure extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong, in the terms a person cares about. */
    public enum Kind {
        /** Nothing answered on that host and port (refused, no route). */
        UNREACHABLE,
        /** The host name does not resolve. */
        UNKNOWN_HOST,
        /** The server did not answer in time. */
        TIMEOUT,
        /** Someone else has the name. */
        NAME_TAKEN,
        /** The name breaks the naming rules. */
        INVALID_NAME,
        /** The server has as many users as it accepts. */
        SERVER_FULL,
        /** The server refused the request for another reason (see {@link #code()}). */
        REFUSED,
        /** The peer does not speak the Natter protocol. */
        NOT_A_CHAT_SERVER,
        /** The connection dropped before the answer came. */
        LOST,
        /** The request needs a logged-in connection. */
        NOT_LOGGED_IN,
        /** The connection was closed by this side. */
        CLOSED,
        /** The server's certificate was not trusted: refused by the person or the program, or it changed. */
        NOT_TRUSTED,
        /** The server asks for a password and none was given; ask the person and connect again with one. */
        PASSWORD_NEEDED,
        /** The server refused the password (or too many wrong ones came from this address lately). */
        BAD_PASSWORD,
        /** The server accepts encrypted connections only, and this connection is plain text. */
        TLS_REQUIRED,
        /** An encrypted connection was asked for, and the server does not offer one (an old or a plain-only server). */
        NO_TLS
    }

    private final Kind kind;
    private final ErrorCode code;

    public ConnectionFailure(Kind kind, String message) {
        this(kind, null, message, null);
    }

    public ConnectionFailure(Kind kind, ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.code = code;
    }

    /**
     * Whether trying again the same way cannot help (a refused certificate or password, a transport the other side
     * does not speak): a reconnection stops.
     */
    public boolean isFinal() {
        return switch (kind) {
            case NOT_TRUSTED, PASSWORD_NEEDED, BAD_PASSWORD, TLS_REQUIRED, NO_TLS -> true;
            default -> false;
        };
    }

    public Kind kind() {
        return kind;
    }

    /** The server's error code when the server refused, otherwise {@code null}. */
    public ErrorCode code() {
        return code;
    }

    /** The kind for an {@code error} reply from the server. */
    static Kind kindOf(ErrorCode code) {
        if (code == null) {
            return Kind.REFUSED;
        }
        return switch (code) {
            case NAME_TAKEN -> Kind.NAME_TAKEN;
            case INVALID_NAME -> Kind.INVALID_NAME;
            case SERVER_FULL -> Kind.SERVER_FULL;
            case NOT_LOGGED_IN -> Kind.NOT_LOGGED_IN;
            case BAD_PASSWORD -> Kind.BAD_PASSWORD;
            case TLS_REQUIRED -> Kind.TLS_REQUIRED;
            default -> Kind.REFUSED;
        };
    }
}
