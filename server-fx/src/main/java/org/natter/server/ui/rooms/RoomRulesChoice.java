package org.natter.server.ui.rooms;

import java.util.List;

/**
 * A room's rules as the Rules dialog shows and returns them.
 *
 * @param moderated   only the {@code allowed} may write
 * @param allowed     who may write while it is moderated
 * @param slowSeconds seconds between two messages of one person; 0 for no slow mode
 */
public record RoomRulesChoice(boolean moderated, List<String> allowed, int slowSeconds) {

    static final RoomRulesChoice OPEN = new RoomRulesChoice(false, List.of(), 0);

    public RoomRulesChoice {
        allowed = List.copyOf(allowed);
    }
}
