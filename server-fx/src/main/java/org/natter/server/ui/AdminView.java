package org.natter.server.ui;

import java.nio.file.Path;
import java.time.ZoneId;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;
import org.natter.common.fx.Messages;
import org.natter.common.model.ServerState;
import org.natter.server.ui.control.ControlView;
import org.natter.server.ui.control.StatusItems;
import org.natter.server.ui.log.LogView;
import org.natter.server.ui.pending.PendingView;
import org.natter.server.ui.settings.SettingsDialog;
import org.natter.server.ui.users.UsersView;

/**
 * Code-behind of Admin.fxml: announce and the status bar; the bars at the top, the log and the tables are the
 * included views of their feature packages, and Settings and the theme are wired here because they span them.
 */
public final class AdminView {

    @FXML private TextField announceField;
    @FXML private Button announceButton;
    @FXML private StatusBar statusBar;
    @FXML private ControlView controlController;
    @FXML private LogView logController;
    @FXML private UsersView usersController;
    @FXML private PendingView pendingController;

    private final Timeline ticker = new Timeline();
    private AdminViewModel viewModel;
    private Messages messages;
    private Path settingsFile;

    void bind(AdminViewModel adminViewModel, Messages texts, ZoneId zone, Path settingsFilePath) {
        this.viewModel = adminViewModel;
        this.messages = texts;
        this.settingsFile = settingsFilePath;
        controlController.bind(viewModel.control(), messages, () -> viewModel.users().users().size(),
                viewModel::showNotice, viewModel.settings()::toggleTheme, this::openSettings);
        viewModel.settings().themeProperty().addListener((obs, old, theme) -> controlController.showTheme(theme));
        controlController.showTheme(viewModel.settings().themeProperty().get());

        announceField.textProperty().bindBidirectional(viewModel.announceTextProperty());
        announceField.disableProperty().bind(viewModel.control().stateProperty().isNotEqualTo(ServerState.RUNNING));
        announceButton.disableProperty().bind(viewModel.canAnnounceProperty().not());

        logController.bind(viewModel.log(), messages, viewModel::showNotice);
        usersController.bind(viewModel.users(), messages, zone);
        pendingController.bind(viewModel.pending(), messages);
        statusBar.textProperty().bind(viewModel.noticeProperty());
        viewModel.showNotice(messages.get("status.ready"));
        StatusItems.fill(statusBar, viewModel.status());
        ticker.getKeyFrames().setAll(new KeyFrame(Duration.seconds(1), event -> viewModel.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    /** After the first layout: room for the widest texts while the window works out its minimum size. */
    void reserveWidths() {
        logController.reserveResumeWidth();
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
}
