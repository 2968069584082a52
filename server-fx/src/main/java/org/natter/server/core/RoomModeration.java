package org.natter.server.core;

import java.time.Duration;
import java.util.function.Function;
import org.natter.common.model.RoomInfo;
import org.natter.common.protocol.Names;
import org.natter.server.core.room.Room;

/**
 * The operator's rules for a room: moderated (who may write) and slow mode (how often). Each change runs on the
 * chat's sequencer; the room's members are told in an announcement to the room, and the operator's views get the
 * room's new state.
 */
final class RoomModeration {

    private RoomModeration() {
    }

    static RoomInfo setModerated(SessionRegistry current, String room, boolean on) {
        return change(current, room, r -> {
            if (r.policy().isModerated() == on) {
                return null;
            }
            r.policy().setModerated(on);
            return on ? "#" + r.name() + " is moderated now: only the people the host allows may write in it."
                    : "#" + r.name() + " is open again: everyone in it may write.";
        });
    }

    static RoomInfo allow(SessionRegistry current, String room, String name, boolean allowed) {
        Names.problem(name).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return change(current, room, r -> {
            boolean changed = allowed ? r.policy().allow(name) : r.policy().disallow(name);
            if (!changed || !r.policy().isModerated()) {
                return null;
            }
            return allowed ? "The host allowed " + Names.normalize(name) + " to write in #" + r.name() + "."
                    : Names.normalize(name) + " may no longer write in #" + r.name() + ".";
        });
    }

    static RoomInfo setSlowMode(SessionRegistry current, String room, Duration interval) {
        Duration value = interval == null ? Duration.ZERO : interval;
        return change(current, room, r -> {
            if (r.policy().slowMode().equals(value)) {
                return null;
            }
            r.policy().setSlowMode(value);
            return value.isZero() ? "Slow mode is off in #" + r.name() + "."
                    : "#" + r.name() + " is in slow mode now: one message every " + value.toSeconds()
                            + " s per person.";
        });
    }

    /** @param rule changes the room; returns the sentence for its members, or null when nothing changed */
    private static RoomInfo change(SessionRegistry current, String room, Function<Room, String> rule) {
        if (current == null) {
            throw new IllegalStateException("The server is not running.");
        }
        return current.callInSequence(() -> {
            Room r = current.rooms().find(room);
            if (r == null) {
                throw new IllegalArgumentException("There is no room #" + room + ".");
            }
            String sentence = rule.apply(r);
            if (sentence != null) {
                current.rooms().announce(r.name(), sentence);
                current.rooms().roomChanged(r);
            }
            return r.info();
        });
    }
}
