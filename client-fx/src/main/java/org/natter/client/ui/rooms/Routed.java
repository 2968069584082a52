package org.natter.client.ui.rooms;

import java.util.List;
import org.natter.client.ui.chat.ChatEntry;

/**
 * A line and the conversations it belongs to: usually one; a person's leave of the server goes to every room they
 * shared with this user and to an open direct conversation with them ({@code existingOnly}: it opens none).
 */
public record Routed(List<ConversationKey> to, ChatEntry entry, boolean existingOnly) {

    public Routed {
        to = List.copyOf(to);
    }

    public static Routed to(ConversationKey key, ChatEntry entry) {
        return new Routed(List.of(key), entry, false);
    }
}
