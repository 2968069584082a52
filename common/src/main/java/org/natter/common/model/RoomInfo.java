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
 * @param moderated  only the operator's announcements and the {@code allowed} users may post
 * @param allowed    who may write while it is moderated, sorted
 * @param slowModeSeconds seconds a user must wait between two messages in it; 0 when slow mode is off
 */
public record RoomInfo(String name, String topic, List<String> members, long messages, String creator, boolean permanent,
                       boolean moderated, List<String> allowed, int slowModeSeconds) {

    public RoomInfo {
        members = members == null ? List.of() : List.copyOf(members);
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
        topic = topic == null ? "" : topic;
    }

    /** A room open to everyone, at any pace. */
    public RoomInfo(String name, String topic, List<String> members, long messages, String creator, boolean permanent) {
        this(name, topic, members, messages, creator, permanent, false, List.of(), 0);
    }
}
