package org.natter.server.ui.shared;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import javafx.collections.ObservableList;

/**
 * What one batch of server events does to one table's list: rows to remove, then rows to add, each applied in one
 * list change. FX thread.
 *
 * @param <T> the row type
 */
public final class ListChanges<T> {

    private final Set<T> added = new LinkedHashSet<>();
    private final Set<T> removed = new HashSet<>();

    /** {@code item} takes the place of {@code old}, which may be null. */
    public void replace(T old, T item) {
        remove(old);
        added.add(item);
    }

    /** Removes {@code item}; null is ignored. */
    public void remove(T item) {
        // A row added and removed within the same batch never reaches the list.
        if (item != null && !added.remove(item)) {
            removed.add(item);
        }
    }

    public void applyTo(ObservableList<T> list) {
        if (!removed.isEmpty()) {
            list.removeAll(removed);
        }
        if (!added.isEmpty()) {
            list.addAll(added);
        }
    }
}
