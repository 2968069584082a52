package org.natter.server.core.room;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.natter.common.protocol.NameSkeleton;
import org.natter.common.protocol.Names;
import org.natter.common.protocol.ProtocolLimits;

/**
 * The server's rooms by name. {@code general} always exists. Owned by the chat's sequencer: no locking.
 */
public final class RoomDirectory {

    private final Map<String, Room> byKey = new LinkedHashMap<>();
    /** The same rooms by {@link NameSkeleton}: no two rooms have names a person could take for each other. */
    private final Map<String, Room> bySkeleton = new LinkedHashMap<>();
    private final Room general;

    public RoomDirectory() {
        general = create(ProtocolLimits.GENERAL_ROOM, null, true);
    }

    public Room general() {
        return general;
    }

    /** The room of this name (ignoring case and compatibility forms), or {@code null}. */
    public Room find(String name) {
        return name == null ? null : byKey.get(Names.key(Names.normalize(name)));
    }

    /**
     * The room whose name looks like this one ("gеneral" with a Cyrillic е for {@code general}) but is not it,
     * or {@code null}: a new room of this name would pass for that one.
     */
    public Room lookalike(String name) {
        Room room = bySkeleton.get(NameSkeleton.of(name));
        return room == null || room.key().equals(Names.key(Names.normalize(name))) ? null : room;
    }

    /** Creates a room; the caller checked the name, that it has no {@link #lookalike}, and the limits. */
    public Room create(String name, String creator, boolean permanent) {
        Room room = new Room(name, creator, permanent);
        byKey.put(room.key(), room);
        bySkeleton.put(room.skeleton(), room);
        return room;
    }

    /** Removes a room (never {@code general}); its members must have been taken out first. */
    public void remove(Room room) {
        if (room != general) {
            byKey.remove(room.key(), room);
            bySkeleton.remove(room.skeleton(), room);
        }
    }

    public boolean contains(Room room) {
        return byKey.get(room.key()) == room;
    }

    public int size() {
        return byKey.size();
    }

    /** Every room, sorted by name ignoring case. */
    public List<Room> sorted() {
        List<Room> all = new ArrayList<>(byKey.values());
        all.sort(Comparator.comparing(Room::name, Room.BY_NAME));
        return all;
    }
}
