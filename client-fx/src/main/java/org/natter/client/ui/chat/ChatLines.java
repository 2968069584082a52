package org.natter.client.ui.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The lines of the conversation: capped to the newest {@code max}, runs of joins and leaves merged into one
 * {@link Presence} line, and a view of them without those lines when the user hides joins and leaves.
 *
 * <p><b>Threads:</b> the FX thread only.
 */
public final class ChatLines {

    private final int max;
    private final ObservableList<ChatEntry> all = FXCollections.observableArrayList();
    private final FilteredList<ChatEntry> shown = new FilteredList<>(all);
    private final BooleanProperty showPresence = new SimpleBooleanProperty(true);

    public ChatLines(int max) {
        this.max = max;
        Predicate<ChatEntry> noPresence = entry -> entry.kind() != ChatEntry.Kind.PRESENCE;
        shown.predicateProperty().bind(Bindings.createObjectBinding(
                () -> showPresence.get() ? null : noPresence, showPresence));
    }

    public ObservableList<ChatEntry> all() {
        return all;
    }

    public ObservableList<ChatEntry> shown() {
        return shown;
    }

    public BooleanProperty showPresenceProperty() {
        return showPresence;
    }

    /** Adds a batch: a join or leave right after a join/leave line extends that line instead of adding one. */
    public void append(List<ChatEntry> batch) {
        List<ChatEntry> fresh = new ArrayList<>(batch.size());
        for (ChatEntry entry : batch) {
            ChatEntry previous = fresh.isEmpty() ? null : fresh.get(fresh.size() - 1);
            if (entry.kind() == ChatEntry.Kind.PRESENCE && previous != null && previous.kind() == ChatEntry.Kind.PRESENCE) {
                fresh.set(fresh.size() - 1, merged(previous, entry));
            } else {
                fresh.add(entry);
            }
        }
        if (!fresh.isEmpty() && !all.isEmpty() && fresh.get(0).kind() == ChatEntry.Kind.PRESENCE
                && all.get(all.size() - 1).kind() == ChatEntry.Kind.PRESENCE) {
            all.set(all.size() - 1, merged(all.get(all.size() - 1), fresh.remove(0)));
        }
        if (fresh.size() >= max) {
            // A burst bigger than the whole pane: only its newest lines would survive the cap anyway.
            all.setAll(fresh.subList(fresh.size() - max, fresh.size()));
            return;
        }
        int excess = all.size() + fresh.size() - max;
        if (excess > 0) {
            all.remove(0, excess);
        }
        all.addAll(fresh);
    }

    /**
     * Puts older lines above the first one, for scrollback; returns how many went in. The cap keeps the newest
     * lines, so a full pane takes no more.
     */
    public int prepend(List<ChatEntry> older) {
        int room = Math.max(0, max - all.size());
        List<ChatEntry> fit = older.subList(Math.max(0, older.size() - room), older.size());
        all.addAll(0, fit);
        return fit.size();
    }

    /** The id of the oldest message shown, where scrollback goes on; 0 when no line has one. */
    public long oldestId() {
        for (ChatEntry entry : all) {
            if (entry.id() > 0) {
                return entry.id();
            }
        }
        return 0;
    }

    /** The id of the newest message shown, 0 when no line has one. */
    public long newestId() {
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).id() > 0) {
                return all.get(i).id();
            }
        }
        return 0;
    }

    /** Puts a line right above another (found by identity); false when that line is no longer here. */
    public boolean insertBefore(ChatEntry anchor, ChatEntry line) {
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i) == anchor) {
                all.add(i, line);
                return true;
            }
        }
        return false;
    }

    public void remove(ChatEntry entry) {
        // By identity: two refused copies of the same text are two lines.
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i) == entry) {
                all.remove(i);
                return;
            }
        }
    }

    private static ChatEntry merged(ChatEntry earlier, ChatEntry later) {
        return ChatEntry.presence(earlier.presence().and(later.presence()), earlier.ts());
    }
}
