package org.natter.server.ui.log;

import java.util.Locale;

/** What a log line is about; each kind has its own colour in admin.css ({@code .log-line.log-server}, ...). */
public enum LogKind {
    /** The server started or stopped. */
    SERVER,
    /** A connection that never logged in closed. */
    HOST,
    JOIN,
    MESSAGE,
    LEAVE,
    KICK,
    ANNOUNCE,
    /** The server refused a client's request (a taken name, a flood): the client's doing, not a fault. */
    REFUSED,
    /** Something went wrong in the server itself. */
    ERROR;

    public String styleClass() {
        return "log-" + name().toLowerCase(Locale.ROOT);
    }

    /** Joins and leaves, which the operator may hide. */
    public boolean isJoinOrLeave() {
        return this == JOIN || this == LEAVE;
    }
}
