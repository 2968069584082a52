package org.natter.common.protocol;

import java.util.List;

/**
 * {@code room}: the state of a room you just joined (or {@code general} at login), before its live traffic.
 *
 * @param re    the {@code id} of the {@code join}, if any
 * @param topic the topic, or {@code null} when none is set
 * @param users the members' names, sorted ignoring case
 */
public record RoomState(String re, String room, String topic, List<String> users) implements ServerFrame {

    public RoomState {
        users = users == null ? List.of() : List.copyOf(users);
    }
}
