package org.natter.server.core;

import org.natter.common.protocol.History;
import org.natter.server.core.room.Outbox;
import org.natter.server.core.room.Room;

/**
 * What a member receives on entering a room (by {@code join}, or {@code general} at login): the {@code room}
 * frame in its protocol version's form, then the room's latest messages. Sequencer only.
 */
final class RoomArrival {

    private RoomArrival() {
    }

    /** The {@code room} frame, then the replay. */
    static void stateAndReplay(Outbox outbox, Session session, Room room, String requestId) {
        if (session.takesNamePages()) {
            // Version 3: the members follow in pages.
            session.sendLinesInOrder(room.stateInPages(requestId));
        } else {
            session.sendInOrder(room.state(requestId));
        }
        replay(outbox, session, room);
    }

    /**
     * The room's latest messages to a version-2 (or later) member who just entered it, read from the replay buffer
     * when the outbox reaches this point: everything delivered before is in it, everything after comes live.
     */
    static void replay(Outbox outbox, Session session, Room room) {
        if (!session.speaksRooms()) {
            return;
        }
        outbox.send(() -> session.sendInOrder(
                new History(null, room.name(), null, room.recent(), room.recentIsComplete())));
    }
}
