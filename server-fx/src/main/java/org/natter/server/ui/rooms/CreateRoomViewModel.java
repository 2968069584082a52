package org.natter.server.ui.rooms;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.natter.common.model.RoomInfo;
import org.natter.server.ui.shared.Failures;

/**
 * The New room dialog: a name and a topic. The server judges them; its sentence (a name in use, a character
 * not allowed, a topic too long) is shown in the dialog, which stays open so the operator can correct it. FX thread.
 */
public final class CreateRoomViewModel {

    private final BiFunction<String, String, RoomInfo> createRoom;
    private final Executor fxExecutor;
    private final Executor background;
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final StringProperty topic = new SimpleStringProperty(this, "topic", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final BooleanBinding canCreate;

    CreateRoomViewModel(BiFunction<String, String, RoomInfo> createRoom, Executor fxExecutor, Executor background) {
        this.createRoom = createRoom;
        this.fxExecutor = fxExecutor;
        this.background = background;
        canCreate = Bindings.createBooleanBinding(() -> !busy.get() && !name.get().isBlank(), busy, name);
        name.addListener((obs, old, now) -> problem.set(""));
        topic.addListener((obs, old, now) -> problem.set(""));
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty topicProperty() {
        return topic;
    }

    /** Why the server refused the room, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canCreateProperty() {
        return canCreate;
    }

    /** Asks the server for the room; completes on the FX thread with true once it exists, false with a problem. */
    public CompletableFuture<Boolean> create() {
        String roomName = name.get().strip();
        String roomTopic = topic.get().strip();
        busy.set(true);
        problem.set("");
        return CompletableFuture.supplyAsync(() -> createRoom.apply(roomName, roomTopic), background)
                .handleAsync((room, failure) -> {
                    busy.set(false);
                    if (failure != null) {
                        problem.set(Failures.reasonOf(failure));
                        return false;
                    }
                    return true;
                }, fxExecutor);
    }
}
