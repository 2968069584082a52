package org.natter.server.ui.rooms;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.natter.common.model.NameOrder;
import org.natter.common.fx.Messages;
import org.natter.server.ui.shared.Dialogs;

/**
 * Code-behind of Rooms.fxml: the Rooms table, New room, and for the selected room its topic, the export and the
 * clearing of its history, and closing it (the header buttons or the context menu).
 */
public final class RoomsView {

    @FXML private Label roomsTitle;
    @FXML private Label historySize;
    @FXML private Button topicButton;
    @FXML private Button exportButton;
    @FXML private Button rulesButton;
    @FXML private MenuItem rulesMenuItem;
    @FXML private TableColumn<RoomItemViewModel, String> roomRulesColumn;
    @FXML private Button clearButton;
    @FXML private Button deleteButton;
    @FXML private MenuItem topicMenuItem;
    @FXML private MenuItem exportMenuItem;
    @FXML private MenuItem clearMenuItem;
    @FXML private MenuItem deleteMenuItem;
    @FXML private TableView<RoomItemViewModel> roomsTable;
    @FXML private TableColumn<RoomItemViewModel, String> roomNameColumn;
    @FXML private TableColumn<RoomItemViewModel, String> roomTopicColumn;
    @FXML private TableColumn<RoomItemViewModel, Number> roomMembersColumn;
    @FXML private TableColumn<RoomItemViewModel, Number> roomMessagesColumn;
    @FXML private TableColumn<RoomItemViewModel, String> roomCreatorColumn;

    private RoomsViewModel viewModel;
    private Messages messages;
    private HistoryExportChooser exportChooser;

    public void bind(RoomsViewModel roomsViewModel, Messages texts) {
        this.viewModel = roomsViewModel;
        this.messages = texts;
        this.exportChooser = new HistoryExportChooser(messages);
        SortedList<RoomItemViewModel> sorted = new SortedList<>(viewModel.rooms());
        sorted.comparatorProperty().bind(roomsTable.comparatorProperty());
        roomsTable.setItems(sorted);
        roomsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        roomNameColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>("#" + row.getValue().name()));
        roomNameColumn.setComparator(NameOrder.comparator());
        roomNameColumn.setCellFactory(column -> tooltipCell());
        roomTopicColumn.setCellValueFactory(row -> row.getValue().topicProperty());
        roomTopicColumn.setCellFactory(column -> tooltipCell());
        roomMembersColumn.setCellValueFactory(row -> row.getValue().memberCountProperty());
        roomMembersColumn.setCellFactory(column -> new MembersCell(messages));
        roomMessagesColumn.setCellValueFactory(row -> row.getValue().messagesProperty());
        roomCreatorColumn.setCellValueFactory(row -> row.getValue().creatorProperty());
        roomsTable.getSortOrder().add(roomNameColumn);

        var selected = roomsTable.getSelectionModel().selectedItemProperty();
        BooleanBinding noRoom = selected.isNull().or(Bindings.selectBoolean(selected, "busy"));
        BooleanBinding cannotClose = noRoom.or(Bindings.createBooleanBinding(
                () -> selected.get() != null && !selected.get().canClose(), selected));
        List.of(topicButton, rulesButton, exportButton, clearButton).forEach(button -> button.disableProperty().bind(noRoom));
        List.of(topicMenuItem, rulesMenuItem, exportMenuItem, clearMenuItem).forEach(item -> item.disableProperty().bind(noRoom));
        roomRulesColumn.setCellValueFactory(row -> row.getValue().rulesProperty());
        roomRulesColumn.setCellFactory(column -> tooltipCell());
        deleteButton.disableProperty().bind(cannotClose);
        deleteMenuItem.disableProperty().bind(cannotClose);
        historySize.textProperty().bind(viewModel.historySizeText());
        roomsTitle.textProperty().bind(Bindings.format("%s (%d)", messages.get("rooms.title"),
                Bindings.size(viewModel.rooms())));
    }

    @FXML private void newRoom() {
        new CreateRoomDialog(roomsTable.getScene().getWindow(), messages, viewModel.newRoomForm()).showAndWait()
                .map(viewModel::find).ifPresent(room -> roomsTable.getSelectionModel().select(room));
        roomsTable.requestFocus();
    }

    @FXML private void setTopic() {
        RoomItemViewModel room = roomsTable.getSelectionModel().getSelectedItem();
        if (room != null) {
            TopicDialog.ask(roomsTable.getScene().getWindow(), messages, room)
                    .ifPresent(topic -> viewModel.setTopic(room, topic));
        }
    }

    @FXML private void editRules() {
        RoomItemViewModel room = roomsTable.getSelectionModel().getSelectedItem();
        if (room != null) {
            new RoomRulesDialog(roomsTable.getScene().getWindow(), messages, room).ask()
                    .ifPresent(rules -> viewModel.applyRules(room, rules));
        }
    }

    @FXML private void exportHistory() {
        RoomItemViewModel room = roomsTable.getSelectionModel().getSelectedItem();
        if (room != null) {
            exportChooser.ask(roomsTable.getScene().getWindow(), room.name())
                    .ifPresent(choice -> viewModel.exportHistory(room, choice.file(), choice.format()));
        }
    }

    @FXML private void clearHistory() {
        RoomItemViewModel room = roomsTable.getSelectionModel().getSelectedItem();
        if (room != null && Dialogs.confirm(roomsTable.getScene().getWindow(), messages.get("rooms.clear.title"),
                viewModel.clearQuestion(room), messages.get("rooms.clear.content"), messages.get("rooms.clear.confirm"),
                "fth-trash-2")) {
            viewModel.clearHistory(room);
        }
        roomsTable.requestFocus();
    }

    @FXML private void deleteRoom() {
        RoomItemViewModel room = roomsTable.getSelectionModel().getSelectedItem();
        if (room != null && room.canClose() && Dialogs.confirm(roomsTable.getScene().getWindow(),
                messages.get("rooms.delete.title"), viewModel.deleteQuestion(room),
                messages.get("rooms.delete.content"), messages.get("rooms.delete.confirm"), "fth-x-square")) {
            viewModel.delete(room);
        }
        roomsTable.requestFocus();
    }

    /** A text cell that shows its whole text in a tooltip, for names and topics too long for the column. */
    private static TableCell<RoomItemViewModel, String> tooltipCell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isEmpty() ? null : new Tooltip(text));
            }
        };
    }
}
