package org.natter.server.ui.rooms;

import java.util.Optional;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;
import org.natter.common.fx.Messages;
import org.natter.server.ui.shared.Dialogs;
import org.natter.server.ui.shared.StyleClasses;

/** Asks for a room's new topic, starting from the current one; an empty topic clears it. */
final class TopicDialog {

    static final String FIELD_ID = "topicField";

    private TopicDialog() {
    }

    /** The new topic, or empty when cancelled. */
    static Optional<String> ask(Window owner, Messages messages, RoomItemViewModel room) {
        TextInputDialog dialog = new TextInputDialog(room.topicProperty().get());
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("rooms.topic.title"));
        dialog.setHeaderText(messages.get("rooms.topic.header", room.name()));
        dialog.setContentText(messages.get("rooms.topic.label"));
        dialog.getEditor().setId(FIELD_ID);
        dialog.getEditor().setPrefColumnCount(36);
        Dialogs.decorate(dialog, "fth-edit-2", StyleClasses.ACCENT);
        return dialog.showAndWait();
    }
}
