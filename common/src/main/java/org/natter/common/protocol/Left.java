package org.natter.common.protocol;

import java.time.Instant;
import org.natter.common.model.LeaveReason;

/**
 * {@code left}: a user left one room ({@code room} set; reason {@code part} or {@code room_closed}) or the server
 * ({@code room} absent).
 *
 * @param detail why a connection was lost, only with reason {@code lost}
 */
public record Left(String name, String room, LeaveReason reason, String detail, Instant ts) implements ServerFrame {

    /** A leave of the server, without a room. */
    public Left(String name, LeaveReason reason, String detail, Instant ts) {
        this(name, null, reason, detail, ts);
    }
}
