package org.natter.server.ui;

import java.util.Collections;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.natter.common.fx.Messages;
import org.natter.server.ui.rooms.RoomItemViewModel;

/**
 * The announcement's recipients: {@link #EVERYONE} or a room's name, kept in step with the Rooms table. When the
 * chosen room goes, the choice falls back to everyone. FX thread.
 */
public final class AnnounceTargets {

    /** The choice that means every logged-in user. */
    public static final String EVERYONE = "";

    private final ObservableList<String> choices = FXCollections.observableArrayList(EVERYONE);
    private final ObjectProperty<String> chosen = new SimpleObjectProperty<>(this, "chosen", EVERYONE);
    private final StringBinding prompt;

    AnnounceTargets(ObservableList<RoomItemViewModel> rooms, Messages messages) {
        rooms.forEach(room -> add(room.name()));
        rooms.addListener((ListChangeListener<RoomItemViewModel>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(room -> remove(room.name()));
                change.getAddedSubList().forEach(room -> add(room.name()));
            }
        });
        prompt = Bindings.createStringBinding(() -> isEveryone(chosen.get()) ? messages.get("announce.prompt")
                : messages.get("announce.prompt.room", chosen.get()), chosen);
    }

    /** {@link #EVERYONE} first, then the rooms by name ignoring case. */
    public ObservableList<String> choices() {
        return choices;
    }

    /** The chosen entry of {@link #choices()}. */
    public ObjectProperty<String> chosenProperty() {
        return chosen;
    }

    /** The chosen room, or {@code null} for everyone. */
    public String room() {
        return isEveryone(chosen.get()) ? null : chosen.get();
    }

    /** The announcement field's prompt: "…for everyone…" or "…for #maths…". */
    public StringBinding promptText() {
        return prompt;
    }

    /** What the chooser shows for an entry: "Everyone" or "#maths". */
    public static String label(Messages messages, String choice) {
        return isEveryone(choice) ? messages.get("announce.target.everyone") : "#" + choice;
    }

    private static boolean isEveryone(String choice) {
        return choice == null || choice.equals(EVERYONE);
    }

    private void add(String room) {
        int at = Collections.binarySearch(choices.subList(1, choices.size()), room, String.CASE_INSENSITIVE_ORDER);
        if (at < 0) {
            choices.add(-at, room);
        }
    }

    private void remove(String room) {
        if (room.equals(chosen.get())) {
            chosen.set(EVERYONE);
        }
        choices.remove(room);
    }
}
