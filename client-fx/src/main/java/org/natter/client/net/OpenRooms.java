package org.natter.client.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.natter.common.protocol.Names;
import org.natter.common.protocol.RoomState;

/**
 * The rooms this client is in, with their topics and members, kept from the room frames of protocol version 2;
 * separate from the {@link Roster} of everyone online. Room names are compared by {@link Names#key}, as the server
 * does. Across a dropped connection it remembers which rooms to join again.
 *
 * <p><b>Threads:</b> every method is synchronized and returns copies. The reader thread of the current link updates
 * it (the lifecycle does so under its own lock, which is taken first); any thread reads.
 */
final class OpenRooms {

    /** By {@link Names#key} of the room's name. */
    private final Map<String, OpenRoom> rooms = new TreeMap<>();
    /** Rooms to be in again after a reconnection, by key: set on a drop, emptied as their joins are answered. */
    private final Map<String, String> rejoining = new LinkedHashMap<>();

    /** The rooms, sorted by name ignoring case. */
    synchronized List<OpenRoom> snapshot() {
        return rooms.values().stream().sorted((a, b) -> Roster.ORDER.compare(a.name(), b.name())).toList();
    }

    /** The names of the rooms this client is in, and while reconnecting of those it will join again; sorted. */
    synchronized List<String> names() {
        List<String> names = new ArrayList<>(rejoining.values());
        rooms.values().forEach(room -> {
            if (!rejoining.containsKey(key(room.name()))) {
                names.add(room.name());
            }
        });
        names.sort(Roster.ORDER);
        return List.copyOf(names);
    }

    synchronized boolean contains(String room) {
        return rooms.containsKey(key(room));
    }

    /**
     * A login was accepted with these rooms (general). After a reconnection ({@code again}) the rooms open before
     * the drop that the server did not put us in become the ones to join again; otherwise nothing is remembered.
     */
    synchronized void loggedIn(List<RoomState> initial, boolean again) {
        rooms.clear();
        initial.forEach(this::put);
        if (again) {
            rooms.keySet().forEach(rejoining::remove);
        } else {
            rejoining.clear();
        }
    }

    /** The rooms whose joins are still to be sent or answered after a reconnection. */
    synchronized List<String> rejoining() {
        return List.copyOf(rejoining.values());
    }

    /** The connection dropped: the rooms are remembered to be joined again, their state is gone. */
    synchronized void dropped() {
        rooms.values().forEach(room -> rejoining.putIfAbsent(key(room.name()), room.name()));
        rooms.clear();
    }

    /** Logged out, ended or a new session: nothing is remembered. */
    synchronized void forget() {
        rooms.clear();
        rejoining.clear();
    }

    /** The server put us in a room (a {@code room} frame). */
    synchronized void joined(RoomState state) {
        put(state);
        rejoining.remove(key(state.room()));
    }

    /** A join after a reconnection was refused: the room is not joined again. */
    synchronized void rejoinFailed(String room) {
        rejoining.remove(key(room));
    }

    /** We left a room; the name the server spells it with, or {@code null} when we were not in it. */
    synchronized String left(String room) {
        OpenRoom removed = rooms.remove(key(room));
        return removed == null ? null : removed.name();
    }

    /** Another user entered a room we are in; false when nothing changed. */
    synchronized boolean memberJoined(String room, String name) {
        OpenRoom open = rooms.get(key(room));
        if (open == null || indexOf(open.members(), name) >= 0) {
            return false;
        }
        List<String> members = new ArrayList<>(open.members());
        members.add(name);
        members.sort(Roster.ORDER);
        rooms.put(key(room), new OpenRoom(open.name(), open.topic(), members));
        return true;
    }

    /**
     * A presence batch of {@code room} (general): {@code joined} enter it if we are in it, then {@code left} leave
     * every room (they left the server). False when nothing changed.
     */
    synchronized boolean presence(String room, List<String> joined, List<String> left) {
        boolean changed = false;
        OpenRoom open = rooms.get(key(room));
        if (open != null && !joined.isEmpty()) {
            Map<String, String> byKey = new LinkedHashMap<>();
            open.members().forEach(name -> byKey.put(Names.key(name), name));
            int before = byKey.size();
            joined.forEach(name -> byKey.putIfAbsent(Names.key(name), name));
            if (byKey.size() != before) {
                List<String> members = new ArrayList<>(byKey.values());
                members.sort(Roster.ORDER);
                rooms.put(key(room), new OpenRoom(open.name(), open.topic(), members));
                changed = true;
            }
        }
        if (!left.isEmpty()) {
            java.util.Set<String> gone = new java.util.HashSet<>();
            left.forEach(name -> gone.add(Names.key(name)));
            for (OpenRoom each : List.copyOf(rooms.values())) {
                List<String> members = each.members().stream().filter(name -> !gone.contains(Names.key(name))).toList();
                if (members.size() != each.members().size()) {
                    rooms.put(key(each.name()), new OpenRoom(each.name(), each.topic(), members));
                    changed = true;
                }
            }
        }
        return changed;
    }

    /** Another user left a room we are in; false when nothing changed. */
    synchronized boolean memberLeft(String room, String name) {
        OpenRoom open = rooms.get(key(room));
        return open != null && removeMember(open, name);
    }

    /** A user left the server, and so every room; false when it was in none of ours. */
    synchronized boolean userGone(String name) {
        boolean changed = false;
        for (OpenRoom open : List.copyOf(rooms.values())) {
            changed |= removeMember(open, name);
        }
        return changed;
    }

    /** A topic changed; false when we are not in that room. */
    synchronized boolean topic(String room, String text) {
        OpenRoom open = rooms.get(key(room));
        if (open == null) {
            return false;
        }
        rooms.put(key(room), new OpenRoom(open.name(), text, open.members()));
        return true;
    }

    private void put(RoomState state) {
        List<String> members = new ArrayList<>(state.users());
        members.sort(Roster.ORDER);
        rooms.put(key(state.room()), new OpenRoom(state.room(), state.topic(), members));
    }

    private boolean removeMember(OpenRoom open, String name) {
        int index = indexOf(open.members(), name);
        if (index < 0) {
            return false;
        }
        List<String> members = new ArrayList<>(open.members());
        members.remove(index);
        rooms.put(key(open.name()), new OpenRoom(open.name(), open.topic(), members));
        return true;
    }

    private static int indexOf(List<String> names, String name) {
        String wanted = Names.key(name);
        for (int i = 0; i < names.size(); i++) {
            if (Names.key(names.get(i)).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    private static String key(String room) {
        return Names.key(room);
    }
}
