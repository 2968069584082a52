package org.natter.server.ui.bans;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
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
import javafx.scene.control.Tooltip;
import org.natter.common.fx.Messages;
import org.natter.server.core.moderation.Sanction;
import org.natter.server.ui.shared.TimeFormats;

/**
 * Code-behind of Bans.fxml: the bans and mutes in force, Unban (or Unmute) for the selected rows and Add ban… for a
 * name, an address or a range.
 */
public final class BansView {

    @FXML private Label bansTitle;
    @FXML private Button liftButton;
    @FXML private MenuItem liftMenuItem;
    @FXML private TableView<Sanction> bansTable;
    @FXML private TableColumn<Sanction, String> banKindColumn;
    @FXML private TableColumn<Sanction, String> banTargetColumn;
    @FXML private TableColumn<Sanction, Instant> banUntilColumn;
    @FXML private TableColumn<Sanction, String> banReasonColumn;
    @FXML private TableColumn<Sanction, Instant> banAtColumn;

    private BansViewModel viewModel;
    private Messages messages;

    public void bind(BansViewModel bansViewModel, Messages texts, ZoneId zone) {
        this.viewModel = bansViewModel;
        this.messages = texts;
        SortedList<Sanction> sorted = new SortedList<>(viewModel.sanctions());
        sorted.comparatorProperty().bind(bansTable.comparatorProperty());
        bansTable.setItems(sorted);
        bansTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        bansTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        banKindColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(viewModel.kindText(row.getValue().kind())));
        banTargetColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().target()));
        banUntilColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().until()));
        banUntilColumn.setCellFactory(column -> timeCell(zone, messages.get("bans.forGood")));
        banUntilColumn.setComparator((a, b) -> a == null ? (b == null ? 0 : 1) : b == null ? -1 : a.compareTo(b));
        banReasonColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().reason()));
        banReasonColumn.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String reason, boolean empty) {
                super.updateItem(reason, empty);
                setText(empty ? null : reason);
                setTooltip(empty || reason == null || reason.isEmpty() ? null : new Tooltip(reason));
            }
        });
        banAtColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().at()));
        banAtColumn.setCellFactory(column -> timeCell(zone, ""));
        BooleanBinding cannotLift = Bindings.isEmpty(bansTable.getSelectionModel().getSelectedItems())
                .or(viewModel.busyProperty());
        liftButton.disableProperty().bind(cannotLift);
        liftMenuItem.disableProperty().bind(cannotLift);
        bansTitle.textProperty().bind(Bindings.format("%s (%d)", messages.get("bans.title"),
                Bindings.size(viewModel.sanctions())));
    }

    @FXML private void addBan() {
        new AddBanDialog(bansTable.getScene().getWindow(), messages, viewModel.newBanForm()).showAndWait();
        bansTable.requestFocus();
    }

    @FXML private void liftSelected() {
        List<Sanction> chosen = List.copyOf(bansTable.getSelectionModel().getSelectedItems());
        if (!chosen.isEmpty()) {
            viewModel.lift(chosen);
        }
        bansTable.requestFocus();
    }

    private static TableCell<Sanction, Instant> timeCell(ZoneId zone, String none) {
        return new TableCell<>() {
            @Override
            protected void updateItem(Instant time, boolean empty) {
                super.updateItem(time, empty);
                setText(empty ? null : time == null ? none : TimeFormats.DATE_TIME.format(time.atZone(zone)));
            }
        };
    }
}
