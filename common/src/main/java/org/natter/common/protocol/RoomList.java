package org.natter.common.protocol;

import java.util.List;

/** {@code rooms} (from the server): every room of the server, sorted by name ignoring case. */
public record RoomList(String re, List<RoomSummary> rooms) implements ServerFrame {

    public RoomList {
        rooms = rooms == null ? List.of() : List.copyOf(rooms);
    }
}
