package org.natter.server.core.room;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits on rooms, each with a command-line option and documented in docs/PROTOCOL.md.
 *
 * @param userRoomsAllowed whether a {@code join} of a room that does not exist creates it
 * @param maxRooms         rooms on the server at most, {@code general} included; then TOO_MANY_ROOMS
 * @param maxRoomsPerUser  rooms one user may be in at once; then TOO_MANY_ROOMS
 * @param maxMembers       members of one room at most; then ROOM_FULL ({@code general} is bounded by the users limit)
 * @param emptyRoomGrace   how long a room a user created may stay empty before it is removed
 */
public record RoomSettings(boolean userRoomsAllowed, int maxRooms, int maxRoomsPerUser, int maxMembers,
                           Duration emptyRoomGrace) {

    public RoomSettings {
        Objects.requireNonNull(emptyRoomGrace, "emptyRoomGrace");
        if (maxRooms < 1 || maxRoomsPerUser < 1 || maxMembers < 1) {
            throw new IllegalArgumentException("Room limits must be at least 1.");
        }
        if (emptyRoomGrace.isNegative()) {
            throw new IllegalArgumentException("The empty-room grace cannot be negative.");
        }
    }

    /** Users may create rooms; 100 rooms, 20 per user, 200 members each; an empty room goes after 5 minutes. */
    public static RoomSettings defaults() {
        return new RoomSettings(true, 100, 20, 200, Duration.ofMinutes(5));
    }
}
