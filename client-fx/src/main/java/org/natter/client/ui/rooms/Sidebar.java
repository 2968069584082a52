package org.natter.client.ui.rooms;

import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The sidebar of conversations: selecting one opens it (the list and the view model's selection follow each other),
 * Delete or the context menu leaves a room or closes a direct conversation, the + button joins a room.
 */
public final class Sidebar {

    private boolean syncing;

    public Sidebar(ListView<ConversationViewModel> list, Button join, ConversationListViewModel model,
                   Consumer<ConversationViewModel> leave, Runnable openRoomDialog) {
        list.setItems(model.conversations());
        list.setCellFactory(view -> new ConversationCell(leave));
        list.getSelectionModel().select(model.current());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (!syncing && now != null) {
                model.select(now);
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> {
            syncing = true;
            try {
                list.getSelectionModel().select(now);
            } finally {
                syncing = false;
            }
        });
        // Re-sorting (a topic change, a new room) may move the selection; put it back on the open conversation.
        model.conversations().addListener((javafx.collections.ListChangeListener<ConversationViewModel>) change -> {
            if (list.getSelectionModel().getSelectedItem() != model.current()) {
                syncing = true;
                try {
                    list.getSelectionModel().select(model.current());
                } finally {
                    syncing = false;
                }
            }
        });
        list.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.DELETE && model.current() != null) {
                leave.accept(model.current());
                event.consume();
            }
        });
        join.setOnAction(e -> openRoomDialog.run());
    }
}
