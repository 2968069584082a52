package org.natter.server.ui.pending;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.natter.common.fx.Messages;

/** Code-behind of Pending.fxml: the Pending hosts table and the waiting room's switch. */
public final class PendingView {

    @FXML private Label pendingTitle;
    @FXML private Label pendingNone;
    @FXML private CheckBox waitingRoomSwitch;
    @FXML private TableView<PendingHostItemViewModel> pendingTable;
    @FXML private TableColumn<PendingHostItemViewModel, String> pendingNameColumn;
    @FXML private TableColumn<PendingHostItemViewModel, String> pendingAddressColumn;
    @FXML private TableColumn<PendingHostItemViewModel, String> pendingForColumn;
    @FXML private TableColumn<PendingHostItemViewModel, PendingHostItemViewModel> pendingDropColumn;

    public void bind(PendingHostsViewModel viewModel, Messages messages) {
        pendingTable.setItems(viewModel.hosts());
        pendingTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        pendingNameColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(
                row.getValue().isWaiting() ? row.getValue().waitingName() : messages.get("pending.notAsked")));
        pendingAddressColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().address()));
        pendingForColumn.setCellValueFactory(row -> row.getValue().connectedForProperty());
        PendingActionsCell.install(pendingDropColumn, messages, viewModel::admit,
                item -> new RefuseDialog(pendingTable.getScene().getWindow(), messages, item.waitingName(), item.address())
                        .ask().ifPresent(choice -> viewModel.refuse(item, choice)),
                viewModel::drop);
        waitingRoomSwitch.selectedProperty().bindBidirectional(viewModel.waitingRoomProperty());
        // No pending hosts is the usual case: then only the header shows, and the users table gets the height.
        pendingTable.visibleProperty().bind(Bindings.isNotEmpty(viewModel.hosts()));
        pendingTable.managedProperty().bind(pendingTable.visibleProperty());
        pendingNone.visibleProperty().bind(pendingTable.visibleProperty().not());
        pendingNone.managedProperty().bind(pendingNone.visibleProperty());
        pendingTitle.textProperty().bind(Bindings.format("%s (%d)", messages.get("pending.title"),
                Bindings.size(viewModel.hosts())));
    }
}
