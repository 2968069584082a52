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
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.javafx.FontIcon;
import org.natter.common.model.ServerState;

/** Code-behind of Admin.fxml: the top bar, the address and error bars, announce and the status bar. */
public final class AdminView {

    @FXML private Label portLabel;
    @FXML private TextField portField;
    @FXML private Button startButton;
    @FXML private Button stopButton;
    @FXML private Label stateLabel;
    @FXML private FontIcon themeIcon;
    @FXML private HBox addressBar;
    @FXML private FlowPane addressBox;
    @FXML private HBox errorBar;
    @FXML private Label errorLabel;
    @FXML private TextField announceField;
    @FXML private Button announceButton;
    @FXML private StatusBar statusBar;
    @FXML private LogView logController;
    @FXML private UsersView usersController;

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
        portField.textProperty().bindBidirectional(control.portTextProperty());
        portField.disableProperty().bind(control.stateProperty().isNotEqualTo(ServerState.STOPPED));
        control.portProblemProperty().addListener((obs, old, problem) ->
                portField.setTooltip(problem.isEmpty() ? null : new Tooltip(problem)));
        portField.pseudoClassStateChanged(PseudoClass.getPseudoClass("error"), !control.portProblemProperty().get().isEmpty());
        control.portProblemProperty().addListener((obs, old, problem) ->
                portField.pseudoClassStateChanged(PseudoClass.getPseudoClass("error"), !problem.isEmpty()));
        startButton.disableProperty().bind(control.canStartProperty().not());
        stopButton.disableProperty().bind(control.canStopProperty().not());
        stateLabel.textProperty().bind(control.stateTextProperty());
        control.stateProperty().addListener((obs, old, state) -> showState(old, state));
        showState(null, control.stateProperty().get());

        addressBar.visibleProperty().bind(Bindings.isNotEmpty(control.addresses()));
        addressBar.managedProperty().bind(addressBar.visibleProperty());
        control.addresses().addListener((ListChangeListener<String>) change -> showAddresses());
        errorLabel.textProperty().bind(control.errorProperty());
        errorBar.visibleProperty().bind(control.errorProperty().isNotEmpty());
        errorBar.managedProperty().bind(errorBar.visibleProperty());

        announceField.textProperty().bindBidirectional(viewModel.announceTextProperty());
        announceField.disableProperty().bind(control.stateProperty().isNotEqualTo(ServerState.RUNNING));
        announceButton.disableProperty().bind(viewModel.canAnnounceProperty().not());

        viewModel.settings().themeProperty().addListener((obs, old, theme) -> showTheme(theme));
        showTheme(viewModel.settings().themeProperty().get());
        logController.bind(viewModel.log(), messages, viewModel::showNotice);
        usersController.bind(viewModel.users(), messages, zone, this::kick);
        bindStatusBar();
        ticker.getKeyFrames().setAll(new KeyFrame(Duration.seconds(1), event -> viewModel.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    void dispose() {
        ticker.stop();
    }

    @FXML private void start() {
        viewModel.control().start();
    }

    @FXML private void stop() {
        viewModel.control().stop();
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

    private void kick(ConnectedUserItemViewModel user) {
        new KickDialog(stateLabel.getScene().getWindow(), messages, user.name()).ask()
                .ifPresent(reason -> viewModel.users().kick(user, reason));
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
        themeIcon.setIconLiteral(theme == UiTheme.DARK ? "fth-sun" : "fth-moon");
    }

    private void showAddresses() {
        addressBox.getChildren().clear();
        for (String address : viewModel.control().addresses()) {
            Button chip = new Button(address, new FontIcon("fth-copy"));
            chip.getStyleClass().addAll(StyleClasses.ADDRESS_CHIP, StyleClasses.SMALL);
            chip.setMnemonicParsing(false);
            chip.setTooltip(new Tooltip(messages.get("bar.copy.tooltip")));
            chip.setOnAction(event -> {
                ClipboardContent content = new ClipboardContent();
                content.putString(address);
                Clipboard.getSystemClipboard().setContent(content);
                viewModel.showNotice(messages.get("notice.copied", address));
            });
            addressBox.getChildren().add(chip);
        }
    }

    private void bindStatusBar() {
        statusBar.textProperty().bind(viewModel.noticeProperty());
        viewModel.showNotice(messages.get("status.ready"));
        StatusViewModel status = viewModel.status();
        statusBar.getRightItems().setAll(
                statusItem("fth-users", status.usersOnlineText()), new Separator(javafx.geometry.Orientation.VERTICAL),
                statusItem("fth-log-in", status.pendingHostsText()), new Separator(javafx.geometry.Orientation.VERTICAL),
                statusItem("fth-activity", status.messagesPerMinuteProperty()),
                new Separator(javafx.geometry.Orientation.VERTICAL),
                statusItem("fth-clock", status.uptimeProperty()));
    }

    private static Label statusItem(String icon, javafx.beans.value.ObservableValue<String> text) {
        Label label = new Label(null, new FontIcon(icon));
        label.textProperty().bind(text);
        label.getStyleClass().add("status-item");
        return label;
    }
}
