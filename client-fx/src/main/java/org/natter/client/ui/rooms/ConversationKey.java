package org.natter.client.ui.rooms;

import java.util.Objects;
import org.natter.common.protocol.Names;

/**
 * Which conversation a line belongs to: a room (by its name, without {@code #}) or a direct conversation with one
 * person. Two keys are equal when their names count as the same name (case and compatibility forms ignored).
 * {@link #CURRENT} stands for whatever conversation is open when the line arrives (a lost connection, an error).
 */
public record ConversationKey(Kind kind, String name) {

    public enum Kind { ROOM, DIRECT, CURRENT }

    public static final String GENERAL_ROOM = "general";
    public static final ConversationKey GENERAL = room(GENERAL_ROOM);
    public static final ConversationKey CURRENT = new ConversationKey(Kind.CURRENT, "");

    public ConversationKey {
        Objects.requireNonNull(kind, "kind");
        name = name == null ? "" : name;
    }

    public static ConversationKey room(String name) {
        return new ConversationKey(Kind.ROOM, name);
    }

    public static ConversationKey direct(String user) {
        return new ConversationKey(Kind.DIRECT, user);
    }

    public boolean isRoom() {
        return kind == Kind.ROOM;
    }

    /** As a person reads it: {@code #maths} for a room (the {@code #} is never sent), the name for a person. */
    public String label() {
        return kind == Kind.ROOM ? "#" + name : name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConversationKey key && key.kind == kind && Names.key(key.name).equals(Names.key(name));
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, Names.key(name));
    }
}
