package org.natter.common.protocol;

import java.util.List;

/**
 * {@code history} (from the server): messages of a room or a direct conversation, oldest first. Sent after
 * {@code room} with the room's latest messages (before any live one), and as the answer to a {@code history}
 * request.
 *
 * @param complete true when nothing more exists in the direction asked for (older, for a replay)
 */
public record History(String re, String room, String with, List<Message> messages, boolean complete)
        implements ServerFrame {

    public History {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }
}
