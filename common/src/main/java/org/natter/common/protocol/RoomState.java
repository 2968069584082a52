package org.natter.common.protocol;

import java.util.List;

/**
 * {@code room}: the state of a room you just joined (or {@code general} at login), before its live traffic.
 *
 * @param re    the {@code id} of the {@code join}, if any
 * @param topic the topic, or {@code null} when none is set
 * @param users the members' names, sorted ignoring case
 * @param moderated {@code true} when only the people the host allows may write; absent ({@code null}) otherwise
 * @param slow  seconds between two messages of one person (slow mode); absent ({@code null}) when off
 */
public record RoomState(String re, String room, String topic, List<String> users, Boolean moderated, Integer slow)
        implements ServerFrame {

    public RoomState {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** A room open to everyone, at any pace. */
    public RoomState(String re, String room, String topic, List<String> users) {
        this(re, room, topic, users, null, null);
    }
}
