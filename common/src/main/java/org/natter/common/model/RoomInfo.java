package org.natter.common.model;

import java.util.List;

/**
 * A room as the operator sees it.
 *
 * @param name       the room's name, without {@code #}
 * @param topic      its topic; empty when none
 * @param members    the members' names, sorted ignoring case
 * @param messages   messages said in it since the server started
 * @param creator    the user who created it, or {@code null} when the operator did (or for {@code general})
 * @param permanent  true for rooms the operator created and {@code general}: they stay when empty
 */
public record RoomInfo(String name, String topic, List<String> members, long messages, String creator, boolean permanent) {

    public RoomInfo {
        members = members == null ? List.of() : List.copyOf(members);
        topic = topic == null ? "" : topic;
    }
}
