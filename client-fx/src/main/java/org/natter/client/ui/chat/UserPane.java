package org.natter.client.ui.chat;

import java.util.function.Consumer;
import javafx.beans.binding.BooleanExpression;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;

/**
 * The open conversation's members: a filter field, the names (tooltip with the full name; Enter mentions the person
 * in the message field, a double-click opens a direct conversation; a context menu), and, in a narrow window where the list folds away, a header toggle
 * that shows it again.
 */
final class UserPane {

    private static final double NARROW = 640;

    UserPane(Region root, Region pane, TextField filter, ListView<String> users, ToggleButton toggle,
             ChatViewModel viewModel, Consumer<String> mention) {
        filter.textProperty().bindBidirectional(viewModel.people().userFilterProperty());
        filter.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                filter.clear();
            } else if (event.getCode() == KeyCode.DOWN && !users.getItems().isEmpty()) {
                users.requestFocus();
                users.getSelectionModel().selectFirst();
            }
        });
        users.setItems(viewModel.people().shownUsers());
        users.setCellFactory(list -> new UserCell(viewModel.myNameProperty(), mention, viewModel.rooms()::message));
        users.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            String selected = users.getSelectionModel().getSelectedItem();
            if ((event.getCode() == KeyCode.ENTER || event.getCode() == KeyCode.SPACE) && selected != null) {
                mention.accept(selected);
                event.consume();
            }
        });
        // A narrow window gives the conversation all the room; the header toggle brings the list back.
        BooleanExpression narrow = root.widthProperty().lessThanOrEqualTo(NARROW);
        toggle.visibleProperty().bind(narrow);
        toggle.managedProperty().bind(narrow);
        pane.visibleProperty().bind(narrow.not().or(toggle.selectedProperty()));
        pane.managedProperty().bind(pane.visibleProperty());
    }
}
