package org.natter.server.ui.users;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import org.natter.common.model.NameOrder;
import org.natter.common.fx.Messages;
import org.natter.server.ui.shared.TimeFormats;

/**
 * Code-behind of Users.fxml: the Connected users table, its search field, and Kick for the selected users (the
 * header button, the context menu or the Delete key), always through the kick dialog.
 */
public final class UsersView {

    @FXML private Label usersTitle;
    @FXML private TextField searchField;
    @FXML private Button kickButton;
    @FXML private MenuItem kickMenuItem;
    @FXML private Button banButton;
    @FXML private Button muteButton;
    @FXML private MenuItem banMenuItem;
    @FXML private MenuItem muteMenuItem;
    @FXML private TableView<ConnectedUserItemViewModel> usersTable;
    @FXML private TableColumn<ConnectedUserItemViewModel, String> userNameColumn;
    @FXML private TableColumn<ConnectedUserItemViewModel, String> userAddressColumn;
    @FXML private TableColumn<ConnectedUserItemViewModel, Instant> userSinceColumn;
    @FXML private TableColumn<ConnectedUserItemViewModel, Number> userMessagesColumn;
    @FXML private TableColumn<ConnectedUserItemViewModel, String> userRoomsColumn;

    private UsersViewModel viewModel;
    private Messages messages;

    public void bind(UsersViewModel usersViewModel, Messages texts, ZoneId zone) {
        this.viewModel = usersViewModel;
        this.messages = texts;
        SortedList<ConnectedUserItemViewModel> sortedUsers = new SortedList<>(viewModel.shownUsers());
        sortedUsers.comparatorProperty().bind(usersTable.comparatorProperty());
        usersTable.setItems(sortedUsers);
        usersTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        usersTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        userNameColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().name()));
        userNameColumn.setComparator(NameOrder.comparator());
        userAddressColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().address()));
        userSinceColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().since()));
        userSinceColumn.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(Instant since, boolean empty) {
                super.updateItem(since, empty);
                setText(empty || since == null ? null : TimeFormats.TIME_OF_DAY.format(since.atZone(zone)));
            }
        });
        userMessagesColumn.setCellValueFactory(row -> row.getValue().messagesSentProperty());
        userRoomsColumn.setCellValueFactory(row -> row.getValue().roomsProperty());
        userRoomsColumn.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String rooms, boolean empty) {
                super.updateItem(rooms, empty);
                setText(empty ? null : rooms);
                setTooltip(empty || rooms == null || rooms.isEmpty() ? null : new Tooltip(rooms));
            }
        });
        searchField.textProperty().bindBidirectional(viewModel.searchProperty());
        var nothingSelected = Bindings.isEmpty(usersTable.getSelectionModel().getSelectedItems());
        kickButton.disableProperty().bind(nothingSelected);
        kickMenuItem.disableProperty().bind(nothingSelected);
        List.of(banButton, muteButton).forEach(button -> button.disableProperty().bind(nothingSelected));
        List.of(banMenuItem, muteMenuItem).forEach(item -> item.disableProperty().bind(nothingSelected));
        usersTable.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DELETE) {
                event.consume();
                kickSelected();
            }
        });
        usersTitle.textProperty().bind(Bindings.format("%s (%d)", messages.get("users.title"),
                Bindings.size(viewModel.users())));
    }

    @FXML
    private void kickSelected() {
        List<ConnectedUserItemViewModel> chosen = List.copyOf(usersTable.getSelectionModel().getSelectedItems());
        if (!chosen.isEmpty()) {
            new KickDialog(usersTable.getScene().getWindow(), messages, names(chosen)).ask()
                    .ifPresent(choice -> viewModel.kick(chosen, choice));
        }
        // Back to the table, never to a button that removes someone: a stray Enter then does nothing.
        usersTable.requestFocus();
    }

    @FXML
    private void banSelected() {
        List<ConnectedUserItemViewModel> chosen = List.copyOf(usersTable.getSelectionModel().getSelectedItems());
        if (!chosen.isEmpty()) {
            new SanctionDialog(usersTable.getScene().getWindow(), messages, "ban", names(chosen)).ask().ifPresent(
                    choice -> viewModel.ban(chosen, choice.duration().duration(), choice.reason(), choice.address()));
        }
        usersTable.requestFocus();
    }

    @FXML
    private void muteSelected() {
        List<ConnectedUserItemViewModel> chosen = List.copyOf(usersTable.getSelectionModel().getSelectedItems());
        if (!chosen.isEmpty()) {
            new SanctionDialog(usersTable.getScene().getWindow(), messages, "mute", names(chosen)).ask()
                    .ifPresent(choice -> viewModel.mute(chosen, choice.duration().duration(), choice.reason()));
        }
        usersTable.requestFocus();
    }

    private static List<String> names(List<ConnectedUserItemViewModel> users) {
        return users.stream().map(ConnectedUserItemViewModel::name).toList();
    }
}
