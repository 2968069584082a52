package org.natter.common.model;

import java.util.Locale;

/** Why a user left the chat; sent on the wire in lower case ({@code "server_stopped"}). */
public enum LeaveReason {
    /** The user sent {@code quit}; the connection is closed. */
    QUIT,
    /** The user sent {@code logout}; the connection stays open as a pending host. */
    LOGOUT,
    /** An administrator removed the user. */
    KICKED,
    /** The connection dropped, timed out or could not keep up. */
    LOST,
    /** The server was stopped. */
    SERVER_STOPPED,
    /** The user left one room with {@code part} and stays connected (a {@code left} with {@code room}). */
    PART,
    /** The operator deleted the room (a {@code left} with {@code room}, sent to each member with its own name). */
    ROOM_CLOSED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The reason with this wire name, or {@code null} if there is none. */
    public static LeaveReason fromWireName(String wireName) {
        for (LeaveReason reason : values()) {
            if (reason.wireName().equals(wireName)) {
                return reason;
            }
        }
        return null;
    }
}
