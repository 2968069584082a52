package org.natter.server.ui;

import java.nio.file.Path;
import java.time.ZoneId;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.controlsfx.control.StatusBar;
import org.natter.common.fx.Messages;
import org.natter.common.model.ServerState;
import org.natter.server.ui.audit.AuditView;
import org.natter.server.ui.bans.BansView;
import org.natter.server.ui.control.ControlView;
import org.natter.server.ui.invite.InviteDialog;
import org.natter.server.ui.invite.ReachDialog;
import org.natter.server.ui.control.StatusItems;
import org.natter.server.ui.log.LogView;
import org.natter.server.ui.pending.PendingView;
import org.natter.server.ui.rooms.RoomsView;
import org.natter.server.ui.settings.SettingsDialog;
import org.natter.server.ui.users.UsersView;

/**
 * Code-behind of Admin.fxml: announce and the status bar; the bars at the top, the log and the tables are the
 * included views of their feature packages, and Settings and the theme are wired here because they span them.
 */
public final class AdminView {

    @FXML private TextField announceField;
    @FXML private Button announceButton;
    @FXML private ComboBox<String> announceTarget;
    @FXML private TabPane sideTabs;
    @FXML private Tab usersTab;
    @FXML private Tab roomsTab;
    @FXML private Tab bansTab;
    @FXML private StatusBar statusBar;
    @FXML private ControlView controlController;
    @FXML private LogView logController;
    @FXML private UsersView usersController;
    @FXML private PendingView pendingController;
    @FXML private Tab auditTab;

    private final Timeline ticker = new Timeline();
    private AdminViewModel viewModel;
    private Messages messages;
    private Path settingsFile;
    private Runnable tabBuilt = () -> { };

    void bind(AdminViewModel adminViewModel, Messages texts, ZoneId zone, Path settingsFilePath) {
        this.viewModel = adminViewModel;
        this.messages = texts;
        this.settingsFile = settingsFilePath;
        controlController.bind(viewModel.control(), messages, () -> viewModel.users().users().size(),
                viewModel::showNotice, viewModel.settings()::toggleTheme, this::openSettings);
        controlController.setInviteActions(this::openInvite, this::checkReach);
        var security = viewModel.settings().security();
        controlController.bindSecurity(security.safetyCodeProperty(), security.fingerprintProperty(),
                security.encryptedProperty(), viewModel::showNotice);
        viewModel.settings().themeProperty().addListener((obs, old, theme) -> controlController.showTheme(theme));
        controlController.showTheme(viewModel.settings().themeProperty().get());

        announceField.textProperty().bindBidirectional(viewModel.announceTextProperty());
        AnnounceTargets targets = viewModel.announceTargets();
        announceField.promptTextProperty().bind(targets.promptText());
        announceTarget.setItems(targets.choices());
        announceTarget.valueProperty().bindBidirectional(targets.chosenProperty());
        announceTarget.setConverter(new StringConverter<>() {
            @Override
            public String toString(String choice) {
                return AnnounceTargets.label(messages, choice);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        announceTarget.disableProperty().bind(announceField.disableProperty());
        announceField.disableProperty().bind(viewModel.control().stateProperty().isNotEqualTo(ServerState.RUNNING));
        announceButton.disableProperty().bind(viewModel.canAnnounceProperty().not());

        logController.bind(viewModel.log(), messages, viewModel::showNotice);
        usersController.bind(viewModel.users(), messages, zone);
        pendingController.bind(viewModel.pending(), messages);
        new LazyTab<RoomsView>(roomsTab, "rooms/Rooms.fxml", messages.bundle(),
                rooms -> rooms.bind(viewModel.rooms(), messages), this::tabBuilt);
        new LazyTab<BansView>(bansTab, "bans/Bans.fxml", messages.bundle(),
                bans -> bans.bind(viewModel.bans(), messages, zone), this::tabBuilt);
        bansTab.setOnSelectionChanged(event -> {
            if (bansTab.isSelected()) {
                viewModel.bans().refresh();
            }
        });
        new LazyTab<AuditView>(auditTab, "audit/Audit.fxml", messages.bundle(),
                audit -> audit.bind(viewModel.audit(), messages, zone), this::tabBuilt);
        auditTab.setOnSelectionChanged(event -> {
            if (auditTab.isSelected()) {
                viewModel.audit().refresh();
            }
        });
        usersTab.textProperty().bind(Bindings.format("%s (%d)", messages.get("tab.users"),
                Bindings.size(viewModel.users().users())));
        roomsTab.textProperty().bind(Bindings.format("%s (%d)", messages.get("tab.rooms"),
                Bindings.size(viewModel.rooms().rooms())));
        bansTab.textProperty().bind(Bindings.format("%s (%d)", messages.get("tab.bans"),
                Bindings.size(viewModel.bans().sanctions())));
        statusBar.textProperty().bind(viewModel.noticeProperty());
        viewModel.showNotice(messages.get("status.ready"));
        StatusItems.fill(statusBar, viewModel.status());
        ticker.getKeyFrames().setAll(new KeyFrame(Duration.seconds(1), event -> viewModel.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    /** Runs when a tab's content was built on its first selection (on the FX thread). */
    void setOnTabBuilt(Runnable action) {
        tabBuilt = action;
    }

    private void tabBuilt() {
        tabBuilt.run();
    }

    /** After the first layout: room for the widest texts while the window works out its minimum size. */
    void reserveWidths() {
        logController.reserveResumeWidth();
        // A tab pane's minimum ignores its tabs' contents; the widest header of any tab must still fit. A tab not
        // built yet (LazyTab) has no content: the window works its minimum out again when it is built.
        sideTabs.setMinWidth(sideTabs.getTabs().stream().filter(tab -> tab.getContent() != null)
                .mapToDouble(tab -> tab.getContent().minWidth(-1)).max().orElse(0));
    }

    void releaseWidths() {
        logController.releaseResumeWidth();
    }

    void dispose() {
        ticker.stop();
    }

    @FXML private void announce() {
        if (viewModel.canAnnounceProperty().get()) {
            viewModel.announce();
        }
    }

    private void openSettings() {
        new SettingsDialog(statusBar.getScene().getWindow(), messages, viewModel.settings(), settingsFile).showAndWait();
    }

    private void openInvite() {
        InviteDialog.show(announceField.getScene().getWindow(), viewModel.invite(), messages, viewModel::showNotice);
    }

    private void checkReach() {
        viewModel.checkReach().whenCompleteAsync((advice, failure) -> {
            if (advice != null) {
                ReachDialog.show(announceField.getScene().getWindow(), advice, messages);
            }
        }, Platform::runLater);
    }
}
