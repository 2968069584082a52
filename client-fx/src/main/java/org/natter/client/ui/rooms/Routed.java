package org.natter.client.ui.rooms;

import java.util.List;
import org.natter.client.ui.chat.ChatEntry;

/**
 * A line and the conversations it belongs to: usually one; a person's leave of the server goes to every room they
 * shared with this user and to an open direct conversation with them ({@code existingOnly}: it opens none).
 * An {@code earlier} line is from the server's history (the replay): it counts as neither unread nor a notification.
 */
public record Routed(List<ConversationKey> to, ChatEntry entry, boolean existingOnly, boolean earlier) {

    public Routed {
        to = List.copyOf(to);
    }

    public Routed(List<ConversationKey> to, ChatEntry entry, boolean existingOnly) {
        this(to, entry, existingOnly, false);
    }

    public static Routed to(ConversationKey key, ChatEntry entry) {
        return new Routed(List.of(key), entry, false);
    }

    /** A line of what was said before this user came in. */
    public static Routed earlier(ConversationKey key, ChatEntry entry) {
        return new Routed(List.of(key), entry, false, true);
    }
}
