package org.natter.server.ui;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.javafx.FontIcon;
import org.natter.common.fx.Messages;
import org.natter.common.fx.UiTheme;
import org.natter.common.model.ServerState;
import org.natter.server.ui.control.AddressChips;
import org.natter.server.ui.control.ServerControlViewModel;
import org.natter.server.ui.control.StatusItems;
import org.natter.server.ui.log.LogView;
import org.natter.server.ui.pending.PendingView;
import org.natter.server.ui.settings.SettingsDialog;
import org.natter.server.ui.shared.Dialogs;
import org.natter.server.ui.users.UsersView;

/**
 * Code-behind of Admin.fxml: the top bar, the address and error bars, announce and the status bar; the log and the
 * tables are the included views of their feature packages.
 */
public final class AdminView {

    @FXML private Label portLabel;
    @FXML private TextField portField;
    @FXML private Button startButton;
    @FXML private Button stopButton;
    @FXML private Label stateLabel;
    @FXML private FontIcon themeIcon;
    @FXML private HBox addressBar;
    @FXML private FlowPane addressBox;
    @FXML private Label reachNoteLabel;
    @FXML private HBox errorBar;
    @FXML private Label errorLabel;
    @FXML private TextField announceField;
    @FXML private Button announceButton;
    @FXML private StatusBar statusBar;
    @FXML private LogView logController;
    @FXML private UsersView usersController;
    @FXML private PendingView pendingController;

    private static final PseudoClass PORT_ERROR = PseudoClass.getPseudoClass("error");

    private final Timeline ticker = new Timeline();
    private AdminViewModel viewModel;
    private Messages messages;
    private Path settingsFile;

    void bind(AdminViewModel adminViewModel, Messages texts, ZoneId zone, Path settingsFilePath) {
        this.viewModel = adminViewModel;
        this.messages = texts;
        this.settingsFile = settingsFilePath;
        ServerControlViewModel control = viewModel.control();
        portLabel.setLabelFor(portField);
        // The label's mnemonic (Alt+P) fires an ActionEvent at the field, just as Enter does: so the field's action
        // only takes the focus, and Enter, caught before the field sees it, starts the server.
        portField.setOnAction(event -> portField.requestFocus());
        portField.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER) {
                event.consume();
                start();
            }
        });
        portField.textProperty().bindBidirectional(control.portTextProperty());
        portField.disableProperty().bind(control.stateProperty().isNotEqualTo(ServerState.STOPPED));
        control.portProblemProperty().addListener((obs, old, problem) -> showPortProblem(problem));
        showPortProblem(control.portProblemProperty().get());
        startButton.disableProperty().bind(control.canStartProperty().not());
        stopButton.disableProperty().bind(control.canStopProperty().not());
        stateLabel.textProperty().bind(control.stateTextProperty());
        control.stateProperty().addListener((obs, old, state) -> showState(old, state));
        showState(null, control.stateProperty().get());

        addressBar.visibleProperty().bind(Bindings.isNotEmpty(control.addresses()));
        addressBar.managedProperty().bind(addressBar.visibleProperty());
        control.addresses().addListener((ListChangeListener<String>) change ->
                AddressChips.show(addressBox, control.addresses(), messages, viewModel::showNotice));
        reachNoteLabel.textProperty().bind(control.reachNoteProperty());
        reachNoteLabel.visibleProperty().bind(control.reachNoteProperty().isNotEmpty());
        reachNoteLabel.managedProperty().bind(reachNoteLabel.visibleProperty());
        errorLabel.textProperty().bind(control.errorProperty());
        errorBar.visibleProperty().bind(control.errorProperty().isNotEmpty());
        errorBar.managedProperty().bind(errorBar.visibleProperty());

        announceField.textProperty().bindBidirectional(viewModel.announceTextProperty());
        announceField.disableProperty().bind(control.stateProperty().isNotEqualTo(ServerState.RUNNING));
        announceButton.disableProperty().bind(viewModel.canAnnounceProperty().not());

        viewModel.settings().themeProperty().addListener((obs, old, theme) -> showTheme(theme));
        showTheme(viewModel.settings().themeProperty().get());
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

    @FXML private void start() {
        viewModel.control().start();
    }

    @FXML private void stop() {
        var question = viewModel.stopQuestion();
        if (question.isEmpty() || Dialogs.confirm(stateLabel.getScene().getWindow(), messages.get("stop.title"),
                question.get(), messages.get("stop.content"), messages.get("stop.confirm"), "fth-power")) {
            viewModel.control().stop();
        }
    }

    @FXML private void dismissError() {
        viewModel.control().dismissError();
    }

    @FXML private void announce() {
        if (viewModel.canAnnounceProperty().get()) {
            viewModel.announce();
        }
    }

    @FXML private void toggleTheme() {
        viewModel.settings().toggleTheme();
    }

    @FXML private void openSettings() {
        new SettingsDialog(stateLabel.getScene().getWindow(), messages, viewModel.settings(), settingsFile).showAndWait();
    }

    private void showPortProblem(String problem) {
        portField.setTooltip(new Tooltip(problem.isEmpty() ? messages.get("bar.port.tooltip") : problem));
        portField.pseudoClassStateChanged(PORT_ERROR, !problem.isEmpty());
    }

    private void showState(ServerState old, ServerState state) {
        if (old != null) {
            stateLabel.pseudoClassStateChanged(pseudoClassOf(old), false);
        }
        stateLabel.pseudoClassStateChanged(pseudoClassOf(state), true);
    }

    private static PseudoClass pseudoClassOf(ServerState state) {
        return PseudoClass.getPseudoClass(state.name().toLowerCase(Locale.ROOT));
    }

    private void showTheme(UiTheme theme) {
        themeIcon.setIconLiteral(theme.toggleIconLiteral());
    }
}
