package org.natter.client.ui.rooms;

import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.natter.client.ui.I18n;
import org.natter.client.ui.Styles;

/**
 * "Join a room": a filter field over the server's rooms (name, members, topic); the first row is selected as the
 * person types, Enter or a double-click joins it, and a new name is offered as "Create #name". The result is the
 * room's name, without {@code #}.
 */
public final class RoomDialog extends Dialog<String> {

    public RoomDialog(Window owner, RoomDialogViewModel viewModel, String stylesheet) {
        initOwner(owner);
        setTitle(I18n.text("rooms.dialog.title"));
        setHeaderText(I18n.text("rooms.dialog.header"));
        FontIcon icon = new FontIcon(Feather.HASH);
        icon.getStyleClass().add(Styles.DIALOG_ICON);
        setGraphic(icon);
        getDialogPane().getStylesheets().add(stylesheet);
        ButtonType join = new ButtonType(I18n.text("rooms.dialog.join"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(join, ButtonType.CANCEL);

        TextField filter = new TextField();
        filter.setId("roomFilter");
        filter.setPromptText(I18n.text("rooms.dialog.filter"));
        filter.textProperty().bindBidirectional(viewModel.filterProperty());
        ListView<RoomDialogViewModel.Choice> list = new ListView<>(viewModel.choices());
        list.setId("roomChoices");
        list.getStyleClass().add(Styles.ROOM_CHOICES);
        list.setCellFactory(view -> new ChoiceCell());
        list.setPrefSize(420, 300);
        Label status = new Label();
        status.getStyleClass().add(Styles.FIELD_HINT);
        status.textProperty().bind(viewModel.statusProperty());
        getDialogPane().setContent(new VBox(8, filter, list, status));

        viewModel.choices().addListener((javafx.collections.ListChangeListener<RoomDialogViewModel.Choice>) change -> {
            if (!list.getItems().isEmpty()) {
                list.getSelectionModel().selectFirst();
            }
        });
        Node joinButton = getDialogPane().lookupButton(join);
        joinButton.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        filter.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.DOWN) {
                list.requestFocus();
                event.consume();
            }
        });
        list.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2
                    && list.getSelectionModel().getSelectedItem() != null) {
                setResult(list.getSelectionModel().getSelectedItem().name());
                close();
            }
        });
        setResultConverter(button -> button == join && list.getSelectionModel().getSelectedItem() != null
                ? list.getSelectionModel().getSelectedItem().name() : null);
        setOnShown(event -> filter.requestFocus());
        viewModel.load();
    }


    /** Shows the dialog without waiting for it (the chat behind it goes on) and joins the room chosen. */
    public static void open(Window owner, CommandRunner rooms) {
        RoomDialog dialog = new RoomDialog(owner, rooms.roomDialog(),
                RoomDialog.class.getResource(Styles.STYLESHEET).toExternalForm());
        dialog.setOnHidden(event -> {
            if (dialog.getResult() != null) {
                rooms.join(dialog.getResult());
            }
        });
        dialog.show();
    }

    private static final class ChoiceCell extends ListCell<RoomDialogViewModel.Choice> {
        @Override
        protected void updateItem(RoomDialogViewModel.Choice choice, boolean empty) {
            super.updateItem(choice, empty);
            if (empty || choice == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            if (choice.create()) {
                setText(I18n.text("rooms.dialog.create", choice.name()));
                setGraphic(new FontIcon(Feather.PLUS));
                return;
            }
            String line = I18n.text(choice.joined() ? "rooms.line.joined" : "rooms.line", choice.name(), choice.members());
            setText(choice.topic().isEmpty() ? line : line + " \u2014 " + choice.topic());
            setGraphic(new FontIcon(Feather.HASH));
        }
    }
}
