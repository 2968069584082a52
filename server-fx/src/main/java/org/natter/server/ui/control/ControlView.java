package org.natter.server.ui.control;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.natter.common.fx.Messages;
import org.natter.common.fx.UiTheme;
import org.natter.common.model.ServerState;
import org.natter.server.ui.shared.Dialogs;

/**
 * Code-behind of Control.fxml: the top bar (port, Start, Stop, the state, theme and Settings), the "Users connect
 * to" bar and the error bar. Theme and Settings belong to the shell, which hands in what they do.
 */
public final class ControlView {

    private static final PseudoClass PORT_ERROR = PseudoClass.getPseudoClass("error");

    @FXML private Label portLabel;
    @FXML private TextField portField;
    @FXML private Button startButton;
    @FXML private Button stopButton;
    @FXML private Label stateLabel;
    @FXML private FontIcon themeIcon;
    @FXML private HBox addressBar;
    @FXML private FlowPane addressBox;
    @FXML private Label reachNoteLabel;
    @FXML private Button inviteButton;
    @FXML private Button reachButton;
    @FXML private Label safetyLabel;
    @FXML private Button safetyCodeButton;
    @FXML private HBox errorBar;
    @FXML private Label errorLabel;

    private ServerControlViewModel control;
    private Messages messages;
    private IntSupplier onlineUsers;
    private Runnable onToggleTheme;
    private Runnable onOpenSettings;
    private ReadOnlyStringProperty safetyCode;
    private ReadOnlyStringProperty fingerprint;
    private Consumer<String> onNotice;

    public void bind(ServerControlViewModel viewModel, Messages texts, IntSupplier usersOnline, Consumer<String> notices,
                     Runnable toggleTheme, Runnable openSettings) {
        this.control = viewModel;
        this.messages = texts;
        this.onlineUsers = usersOnline;
        this.onToggleTheme = toggleTheme;
        this.onOpenSettings = openSettings;
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
                AddressChips.show(addressBox, control.addresses(), messages, notices));
        reachNoteLabel.textProperty().bind(control.reachNoteProperty());
        reachNoteLabel.visibleProperty().bind(control.reachNoteProperty().isNotEmpty());
        reachNoteLabel.managedProperty().bind(reachNoteLabel.visibleProperty());
        errorLabel.textProperty().bind(control.errorProperty());
        errorBar.visibleProperty().bind(control.errorProperty().isNotEmpty());
        errorBar.managedProperty().bind(errorBar.visibleProperty());
    }

    /** What the address bar's Invite and "Can others reach me?" buttons do; the shell owns the dialogs. */
    public void setInviteActions(Runnable invite, Runnable checkReach) {
        inviteButton.setOnAction(event -> invite.run());
        reachButton.setOnAction(event -> checkReach.run());
    }

    /**
     * Shows the certificate's safety code beside the addresses users connect to, for them to compare on their first
     * connection; a click copies the code and the full fingerprint.
     */
    public void bindSecurity(ReadOnlyStringProperty code, ReadOnlyStringProperty fullFingerprint,
                             ReadOnlyBooleanProperty encrypted, Consumer<String> notices) {
        this.safetyCode = code;
        this.fingerprint = fullFingerprint;
        this.onNotice = notices;
        safetyCodeButton.textProperty().bind(code);
        safetyCodeButton.setTooltip(new Tooltip(messages.get("bar.safetyCode.tooltip")));
        safetyLabel.visibleProperty().bind(encrypted);
        safetyLabel.managedProperty().bind(safetyLabel.visibleProperty());
        safetyCodeButton.visibleProperty().bind(encrypted);
        safetyCodeButton.managedProperty().bind(safetyCodeButton.visibleProperty());
    }

    @FXML private void copySafetyCode() {
        if (safetyCode == null) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(messages.get("bar.safetyCode.copied.text", safetyCode.get(), fingerprint.get()));
        Clipboard.getSystemClipboard().setContent(content);
        onNotice.accept(messages.get("notice.safetyCodeCopied"));
    }

    public void showTheme(UiTheme theme) {
        themeIcon.setIconLiteral(theme.toggleIconLiteral());
    }

    @FXML private void start() {
        control.start();
    }

    @FXML private void stop() {
        var question = control.stopQuestion(onlineUsers.getAsInt());
        if (question.isEmpty() || Dialogs.confirm(stateLabel.getScene().getWindow(), messages.get("stop.title"),
                question.get(), messages.get("stop.content"), messages.get("stop.confirm"), "fth-power")) {
            control.stop();
        }
    }

    @FXML private void dismissError() {
        control.dismissError();
    }

    @FXML private void toggleTheme() {
        onToggleTheme.run();
    }

    @FXML private void openSettings() {
        onOpenSettings.run();
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
}
