package org.natter.client.ui.chat;

import org.natter.common.model.NameOrder;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The people of the chat window: everyone online (for the header's count and Tab completion) and the open
 * conversation's members as the list on the right shows them, filtered by what is typed above it.
 *
 * <p><b>Threads:</b> the FX thread only.
 */
public final class PeopleViewModel {

    private final Comparator<String> nameOrder = NameOrder.comparator();
    private final ObservableList<String> online = FXCollections.observableArrayList();
    private final FilteredList<String> shown;
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyIntegerWrapper onlineCount = new ReadOnlyIntegerWrapper();
    private boolean frozen;

    /** @param members the open conversation's members, already in name order */
    PeopleViewModel(ObservableList<String> members) {
        shown = new FilteredList<>(members);
        onlineCount.bind(Bindings.size(online));
        shown.predicateProperty().bind(filter.map(typed -> {
            String wanted = typed.strip().toLowerCase(Locale.ROOT);
            return name -> wanted.isEmpty() || name.toLowerCase(Locale.ROOT).contains(wanted);
        }));
    }

    /** Logged-in names in the user's locale's order ({@link NameOrder}): everyone this user can write to. */
    public ObservableList<String> users() {
        return online;
    }

    /** The open conversation's members (the other person of a direct one) that match {@link #userFilterProperty()}. */
    public ObservableList<String> shownUsers() {
        return shown;
    }

    public StringProperty userFilterProperty() {
        return filter;
    }

    /** How many are online. */
    public ReadOnlyIntegerProperty userCountProperty() {
        return onlineCount.getReadOnlyProperty();
    }

    void showOnline(List<String> names) {
        if (!frozen) {
            online.setAll(names.stream().sorted(nameOrder).toList());
        }
    }

    /** The session is over: nobody is listed any more, and late updates bring nobody back. */
    void clear() {
        frozen = true;
        online.clear();
    }
}
