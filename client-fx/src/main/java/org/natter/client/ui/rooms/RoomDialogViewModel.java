package org.natter.client.ui.rooms;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.natter.client.ui.I18n;
import org.natter.client.ui.chat.SendFailures;
import org.natter.common.protocol.Names;
import org.natter.common.protocol.RoomSummary;
import org.natter.client.ui.InputProblems;

/**
 * The join dialog: the server's rooms with their member counts, filtered as the person types; a typed name that is
 * no room yet is offered as "Create #name" (first), a room this user is in says so.
 *
 * <p><b>Threads:</b> the FX thread; the list arrives through the injected executor.
 */
public final class RoomDialogViewModel {

    /** One row: a room of the server, or the offer to create one. */
    public record Choice(String name, String topic, int members, boolean create, boolean joined) {
    }

    private final Supplier<CompletableFuture<List<RoomSummary>>> listRooms;
    private final Executor ui;
    private final List<ConversationKey> joined;
    private final List<RoomSummary> rooms = new ArrayList<>();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObservableList<Choice> choices = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public RoomDialogViewModel(Supplier<CompletableFuture<List<RoomSummary>>> listRooms, Executor ui,
                               List<String> joinedRooms) {
        this.listRooms = Objects.requireNonNull(listRooms, "listRooms");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.joined = joinedRooms.stream().map(ConversationKey::room).toList();
        filter.addListener(observable -> refilter());
    }

    /** Asks the server for its rooms. */
    public void load() {
        loading.set(true);
        status.set(I18n.text("rooms.dialog.loading"));
        listRooms.get().whenCompleteAsync((list, failure) -> {
            loading.set(false);
            if (failure != null) {
                status.set(I18n.text("command.rooms.failed", SendFailures.reason(failure)));
                return;
            }
            rooms.clear();
            rooms.addAll(list);
            refilter();
        }, ui);
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObservableList<Choice> choices() {
        return choices;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** How many rooms match, or why the typed name cannot be a room. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    private void refilter() {
        String typed = filter.get().strip();
        String wanted = typed.startsWith("#") ? typed.substring(1) : typed;
        String lower = wanted.toLowerCase(Locale.ROOT);
        List<Choice> shown = new ArrayList<>();
        boolean exact = false;
        for (RoomSummary room : rooms) {
            if (room.name().toLowerCase(Locale.ROOT).contains(lower)) {
                shown.add(new Choice(room.name(), room.topic() == null ? "" : room.topic(), room.users(), false,
                        joined.contains(ConversationKey.room(room.name()))));
                exact |= Names.key(room.name()).equals(Names.key(wanted));
            }
        }
        String problem = wanted.isEmpty() ? "" : InputProblems.roomName(wanted).orElse("");
        if (!wanted.isEmpty() && !exact && problem.isEmpty()) {
            shown.add(0, new Choice(wanted, "", 0, true, false));
        }
        choices.setAll(shown);
        if (!loading.get()) {
            status.set(!problem.isEmpty() ? problem : I18n.text("rooms.dialog.count", rooms.size()));
        }
    }
}
