package org.natter.client.ui.chat;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import javafx.collections.ListChangeListener;
import org.natter.client.ui.rooms.ConversationListViewModel;
import org.natter.client.ui.rooms.ConversationViewModel;

/**
 * The "New messages" line: when the user comes back to a conversation (opens it, or brings the window to the front
 * while it is open) that received messages meanwhile, a line goes in above the first of them. It goes away on the
 * next visit, when a new one may take its place.
 *
 * <p>The first unread message is noted when the unread count of a conversation first rises: the batch that raised
 * it has just been appended, so it is the n-th message from others counted from the end. Coming back is seen after
 * the conversation list has already marked everything read, which is why this keeps its own note.
 *
 * <p><b>Threads:</b> the FX thread only.
 */
final class UnreadMarker {

    private final ConversationListViewModel conversations;
    // By identity (conversations do not override equals), and weak: a closed conversation leaves no trace here.
    private final Set<ConversationViewModel> watched = Collections.newSetFromMap(new WeakHashMap<>());
    private final Map<ConversationViewModel, ChatEntry> firstUnread = new WeakHashMap<>();
    private final Map<ConversationViewModel, ChatEntry> dividers = new WeakHashMap<>();

    UnreadMarker(ConversationListViewModel conversations) {
        this.conversations = conversations;
        conversations.conversations().forEach(this::watch);
        conversations.conversations().addListener((ListChangeListener<ConversationViewModel>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(this::watch);
            }
        });
        conversations.selectedProperty().addListener((obs, old, now) -> {
            if (now != null && conversations.windowFocusedProperty().get()) {
                cameBack(now);
            }
        });
        conversations.windowFocusedProperty().addListener((obs, was, focused) -> {
            if (focused && conversations.current() != null) {
                cameBack(conversations.current());
            }
        });
    }

    private void watch(ConversationViewModel conversation) {
        if (!watched.add(conversation)) {
            return;
        }
        conversation.unreadProperty().addListener((obs, old, now) -> {
            int arrived = now.intValue() - old.intValue();
            if (arrived > 0 && !firstUnread.containsKey(conversation)) {
                ChatEntry first = nthMessageFromEnd(conversation.lines().all(), arrived);
                if (first != null) {
                    firstUnread.put(conversation, first);
                }
            }
        });
    }

    private void cameBack(ConversationViewModel conversation) {
        ChatEntry old = dividers.remove(conversation);
        if (old != null) {
            conversation.lines().remove(old);
        }
        ChatEntry first = firstUnread.remove(conversation);
        if (first != null) {
            ChatEntry divider = ChatEntry.unreadDivider();
            if (conversation.lines().insertBefore(first, divider)) {
                dividers.put(conversation, divider);
            }
        }
    }

    private static ChatEntry nthMessageFromEnd(List<ChatEntry> lines, int n) {
        int seen = 0;
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).kind() == ChatEntry.Kind.OTHER && ++seen == n) {
                return lines.get(i);
            }
        }
        return null;
    }
}
