package org.natter.client.net;

import java.util.Objects;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.Names;
import org.natter.common.protocol.ProtocolLimits;

/**
 * A room, or the direct conversation with one other user: what history, catch-up and search are about. Names are
 * spelled as the server spells them; {@link #key()} compares them as the server does (ignoring case and look-alike
 * forms).
 *
 * @param room the room's name (without {@code #}), or {@code null} for a direct conversation
 * @param with the other user of a direct conversation, or {@code null} for a room
 */
public record Conversation(String room, String with) {

    public Conversation {
        if ((room == null) == (with == null)) {
            throw new IllegalArgumentException("A conversation is a room or a person, not both or neither.");
        }
    }

    public static Conversation room(String room) {
        return new Conversation(Objects.requireNonNull(room, "room"), null);
    }

    public static Conversation direct(String with) {
        return new Conversation(null, Objects.requireNonNull(with, "with"));
    }

    /**
     * Where a message belongs, seen by user {@code self}: its room ({@code general} for a message without room or
     * recipient, as version 1 sends it), or the conversation with the other user of a direct message.
     */
    public static Conversation of(Message message, String self) {
        if (message.to() == null) {
            return room(message.room() == null ? ProtocolLimits.GENERAL_ROOM : message.room());
        }
        boolean own = self != null && Names.key(self).equals(Names.key(message.from()));
        return direct(own ? message.to() : message.from());
    }

    public boolean isDirect() {
        return with != null;
    }

    /** Equal for the same room or person however the names are spelled. */
    public String key() {
        return isDirect() ? "@" + Names.key(with) : "#" + Names.key(room);
    }

    @Override
    public String toString() {
        return isDirect() ? "@" + with : "#" + room;
    }
}
