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
 * @param count version 3: how many members the room has; {@code users} is then empty and the names follow in
 *              {@link MembersPage members} pages. Absent ({@code null}) for version 2.
 * @param everyone version 3, {@code general} at login only: {@code true} when its members are exactly the names
 *              online just sent in {@code users} pages; no {@code members} pages follow then. Absent otherwise.
 */
public record RoomState(String re, String room, String topic, List<String> users, Boolean moderated, Integer slow,
                        Integer count, Boolean everyone) implements ServerFrame {

    public RoomState {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** A room's state with its members listed in {@code users} (version 2). */
    public RoomState(String re, String room, String topic, List<String> users, Boolean moderated, Integer slow) {
        this(re, room, topic, users, moderated, slow, null, null);
    }

    /** A version-3 room frame whose members follow in pages. */
    public RoomState(String re, String room, String topic, List<String> users, Boolean moderated, Integer slow,
                     Integer count) {
        this(re, room, topic, users, moderated, slow, count, null);
    }

    /** True when the members follow in {@code members} pages (version 3). */
    public boolean membersFollow() {
        return count != null && !isEveryone();
    }

    /** True when the members are the names online just sent (version 3, {@code general} at login). */
    public boolean isEveryone() {
        return Boolean.TRUE.equals(everyone);
    }

    /** The same state with the members that came in pages. */
    public RoomState withUsers(List<String> names) {
        return new RoomState(re, room, topic, names, moderated, slow, null, null);
    }

    /** A room open to everyone, at any pace. */
    public RoomState(String re, String room, String topic, List<String> users) {
        this(re, room, topic, users, null, null);
    }
}
