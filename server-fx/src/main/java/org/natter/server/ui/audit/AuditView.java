package org.natter.server.ui.audit;

import java.io.File;
import java.time.Instant;
import java.time.ZoneId;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.natter.common.fx.Messages;
import org.natter.server.core.moderation.AuditAction;
import org.natter.server.core.moderation.AuditEntry;
import org.natter.server.ui.shared.TimeFormats;

/** Code-behind of Audit.fxml: the operator's actions, a text filter, a kind-of-action filter and Export CSV…. */
public final class AuditView {

    @FXML private Label auditTitle;
    @FXML private TextField auditFilter;
    @FXML private ComboBox<AuditAction> auditActionFilter;
    @FXML private Button auditExportButton;
    @FXML private TableView<AuditEntry> auditTable;
    @FXML private TableColumn<AuditEntry, Instant> auditWhenColumn;
    @FXML private TableColumn<AuditEntry, String> auditActionColumn;
    @FXML private TableColumn<AuditEntry, String> auditTargetColumn;
    @FXML private TableColumn<AuditEntry, String> auditReasonColumn;
    @FXML private TableColumn<AuditEntry, String> auditSourceColumn;

    private AuditViewModel viewModel;
    private Messages messages;
    private File folder = new File(System.getProperty("user.home"));

    public void bind(AuditViewModel auditViewModel, Messages texts, ZoneId zone) {
        this.viewModel = auditViewModel;
        this.messages = texts;
        auditTable.setItems(viewModel.shown());
        auditTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        auditWhenColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().at()));
        auditWhenColumn.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(Instant time, boolean empty) {
                super.updateItem(time, empty);
                // Today's actions by their time alone, older ones with their day: the column stays narrow.
                boolean today = time != null && time.atZone(zone).toLocalDate().equals(java.time.LocalDate.now(zone));
                setText(empty || time == null ? null
                        : (today ? TimeFormats.TIME_OF_DAY : TimeFormats.DATE_TIME).format(time.atZone(zone)));
            }
        });
        auditActionColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(
                viewModel.actionText(row.getValue().action())));
        auditTargetColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().target()));
        auditReasonColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().reason()));
        auditReasonColumn.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(String reason, boolean empty) {
                super.updateItem(reason, empty);
                setText(empty ? null : reason);
                setTooltip(empty || reason == null || reason.isEmpty() ? null : new Tooltip(reason));
            }
        });
        auditSourceColumn.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(viewModel.sourceText(row.getValue())));
        auditFilter.textProperty().bindBidirectional(viewModel.filterTextProperty());
        auditActionFilter.getItems().add(null);
        auditActionFilter.getItems().addAll(viewModel.actions());
        auditActionFilter.setConverter(new StringConverter<>() {
            @Override
            public String toString(AuditAction action) {
                return viewModel.actionText(action);
            }

            @Override
            public AuditAction fromString(String text) {
                return null;
            }
        });
        auditActionFilter.valueProperty().bindBidirectional(viewModel.actionFilterProperty());
        auditExportButton.disableProperty().bind(Bindings.isEmpty(viewModel.shown()));
        auditTitle.textProperty().bind(Bindings.format("%s (%d)", messages.get("audit.title"),
                Bindings.size(viewModel.shown())));
    }

    @FXML private void exportCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("audit.export.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("audit.export.csv"), "*.csv"));
        chooser.setInitialFileName(messages.get("audit.export.fileName") + ".csv");
        if (folder.isDirectory()) {
            chooser.setInitialDirectory(folder);
        }
        File file = chooser.showSaveDialog(auditTable.getScene().getWindow());
        if (file != null) {
            folder = file.getParentFile();
            viewModel.exportCsv(file.toPath());
        }
    }
}
