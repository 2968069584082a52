package org.natter.server.ui.users;

import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.natter.common.fx.Messages;
import org.natter.server.ui.shared.RowButtonCell;
import org.natter.server.ui.shared.TimeFormats;

/** Code-behind of Users.fxml: the Connected users table. */
public final class UsersView {

    @FXML private Label usersTitle;
    @FXML private TableView<ConnectedUserItemViewModel> usersTable;
    @FXML private TableColumn<ConnectedUserItemViewModel, String> userNameColumn;
    @FXML private TableColumn<ConnectedUserItemViewModel, String> userAddressColumn;
    @FXML private TableColumn<ConnectedUserItemViewModel, Instant> userSinceColumn;
    @FXML private TableColumn<ConnectedUserItemViewModel, Number> userMessagesColumn;
    @FXML private TableColumn<ConnectedUserItemViewModel, ConnectedUserItemViewModel> userKickColumn;

    public void bind(UsersViewModel viewModel, Messages messages, ZoneId zone, Consumer<ConnectedUserItemViewModel> onKick) {
        SortedList<ConnectedUserItemViewModel> sortedUsers = new SortedList<>(viewModel.users());
        sortedUsers.comparatorProperty().bind(usersTable.comparatorProperty());
        usersTable.setItems(sortedUsers);
        usersTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        userNameColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().name()));
        userNameColumn.setComparator(String.CASE_INSENSITIVE_ORDER);
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
        RowButtonCell.install(userKickColumn, messages.get("users.kick.button"), "fth-user-x",
                ConnectedUserItemViewModel::busyProperty, onKick);
        usersTitle.textProperty().bind(Bindings.format("%s (%d)", messages.get("users.title"),
                Bindings.size(viewModel.users())));
    }
}
