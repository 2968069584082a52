package org.natter.client.ui.chat;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Counts the messages from others that arrive while the window is not focused, and asks for a desktop notification
 * when one of them names this user: one per batch, so a burst of mentions does not bury the desktop. Focusing the
 * window clears the count.
 *
 * <p><b>Threads:</b> the FX thread only (in tests, the thread that drives the view model).
 */
public final class UnreadTracker {

    private final ReadOnlyIntegerWrapper unread = new ReadOnlyIntegerWrapper();
    private final BooleanProperty windowFocused = new SimpleBooleanProperty(true);
    private Consumer<ChatEntry> onMentionWhileAway = entry -> { };

    public UnreadTracker() {
        windowFocused.addListener((obs, was, focused) -> {
            if (focused) {
                unread.set(0);
            }
        });
    }

    /** Bound to the stage's focus by the window. */
    public BooleanProperty windowFocusedProperty() {
        return windowFocused;
    }

    public ReadOnlyIntegerProperty unreadProperty() {
        return unread.getReadOnlyProperty();
    }

    public void setOnMentionWhileAway(Consumer<ChatEntry> handler) {
        onMentionWhileAway = Objects.requireNonNull(handler);
    }

    /** A batch of new lines reached the list. */
    void count(List<ChatEntry> batch) {
        if (windowFocused.get()) {
            return;
        }
        ChatEntry lastMention = null;
        int fresh = 0;
        for (ChatEntry entry : batch) {
            if (entry.kind() == ChatEntry.Kind.OTHER) {
                fresh++;
                if (entry.mentionsMe()) {
                    lastMention = entry;
                }
            }
        }
        unread.set(unread.get() + fresh);
        if (lastMention != null) {
            onMentionWhileAway.accept(lastMention);
        }
    }
}
