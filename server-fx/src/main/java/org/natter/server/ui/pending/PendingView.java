package org.natter.server.ui.pending;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.natter.common.fx.Messages;
import org.natter.server.ui.shared.RowButtonCell;

/** Code-behind of Pending.fxml: the Pending hosts table. */
public final class PendingView {

    @FXML private Label pendingTitle;
    @FXML private Label pendingNone;
    @FXML private TableView<PendingHostItemViewModel> pendingTable;
    @FXML private TableColumn<PendingHostItemViewModel, String> pendingAddressColumn;
    @FXML private TableColumn<PendingHostItemViewModel, String> pendingForColumn;
    @FXML private TableColumn<PendingHostItemViewModel, PendingHostItemViewModel> pendingDropColumn;

    public void bind(PendingHostsViewModel viewModel, Messages messages) {
        pendingTable.setItems(viewModel.hosts());
        pendingTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        pendingAddressColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().address()));
        pendingForColumn.setCellValueFactory(row -> row.getValue().connectedForProperty());
        RowButtonCell.install(pendingDropColumn, messages.get("pending.drop"), "fth-x-circle",
                PendingHostItemViewModel::busyProperty, viewModel::drop);
        // No pending hosts is the usual case: then only the header shows, and the users table gets the height.
        pendingTable.visibleProperty().bind(Bindings.isNotEmpty(viewModel.hosts()));
        pendingTable.managedProperty().bind(pendingTable.visibleProperty());
        pendingNone.visibleProperty().bind(pendingTable.visibleProperty().not());
        pendingNone.managedProperty().bind(pendingNone.visibleProperty());
        pendingTitle.textProperty().bind(Bindings.format("%s (%d)", messages.get("pending.title"),
                Bindings.size(viewModel.hosts())));
    }
}
