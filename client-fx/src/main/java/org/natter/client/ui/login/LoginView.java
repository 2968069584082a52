package org.natter.client.ui.login;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.natter.client.net.discovery.FoundServer;
import org.natter.client.ui.I18n;
import org.natter.client.ui.ThemeSwitch;

/** The login form's code-behind: binds {@code Login.fxml} to a {@link LoginViewModel}. */
public final class LoginView {

    @FXML private TextField nameField;
    @FXML private Label nameHint;
    @FXML private ComboBox<String> serverBox;
    @FXML private Label serverHint;
    @FXML private Label serverNote;
    @FXML private VBox passwordBox;
    @FXML private PasswordField passwordField;
    @FXML private CheckBox rememberBox;
    @FXML private Button connectButton;
    @FXML private ProgressIndicator progress;
    @FXML private Label progressLabel;
    @FXML private Label errorLabel;
    @FXML private ToggleButton themeToggle;
    @FXML private ListView<FoundServer> nearbyList;
    @FXML private Button testButton;
    @FXML private VBox doctorPanel;

    private final LoginViewModel viewModel;
    private final NearbyServersViewModel nearby;
    private final ConnectionTestViewModel connectionTest;
    private final ThemeSwitch theme;

    private LoginView(LoginViewModel viewModel, NearbyServersViewModel nearby, ConnectionTestViewModel connectionTest,
            ThemeSwitch theme) {
        this.viewModel = viewModel;
        this.nearby = nearby;
        this.connectionTest = connectionTest;
        this.theme = theme;
    }

    public static Parent load(LoginViewModel viewModel, NearbyServersViewModel nearby,
            ConnectionTestViewModel connectionTest, ThemeSwitch theme) {
        FXMLLoader loader = new FXMLLoader(LoginView.class.getResource("Login.fxml"), I18n.bundle());
        loader.setController(new LoginView(viewModel, nearby, connectionTest, theme));
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Login.fxml is missing or broken", e);
        }
    }

    @FXML
    private void initialize() {
        nameField.textProperty().bindBidirectional(viewModel.nameProperty());
        serverBox.setItems(viewModel.recentServers());
        serverBox.getEditor().textProperty().bindBidirectional(viewModel.serverProperty());
        viewModel.nameProblemBinding().addListener((obs, old, now) -> showHint(nameHint, now));
        viewModel.serverProblemBinding().addListener((obs, old, now) -> showHint(serverHint, now));
        viewModel.serverNoteBinding().addListener((obs, old, now) -> showHint(serverNote, now));
        showHint(nameHint, viewModel.nameProblemBinding().get());
        showHint(serverHint, viewModel.serverProblemBinding().get());
        showHint(serverNote, viewModel.serverNoteBinding().get());

        ValidationSupport validation = new ValidationSupport();
        validation.registerValidator(nameField, false, (control, value) ->
                ValidationResult.fromErrorIf(control, viewModel.nameProblemBinding().get(), !viewModel.nameProblemBinding().get().isEmpty()));
        validation.registerValidator(serverBox.getEditor(), false, (control, value) ->
                ValidationResult.fromErrorIf(control, viewModel.serverProblemBinding().get(), !viewModel.serverProblemBinding().get().isEmpty()));

        connectButton.disableProperty().bind(viewModel.canConnectBinding().not());
        progress.visibleProperty().bind(viewModel.connectingProperty());
        progressLabel.visibleProperty().bind(viewModel.connectingProperty());
        // Hidden, they give their room to the buttons.
        progress.managedProperty().bind(progress.visibleProperty());
        progressLabel.managedProperty().bind(progressLabel.visibleProperty());
        progressLabel.textProperty().bind(viewModel.progressTextBinding());
        nameField.disableProperty().bind(viewModel.connectingProperty());
        serverBox.disableProperty().bind(viewModel.connectingProperty());
        passwordField.textProperty().bindBidirectional(viewModel.passwordProperty());
        rememberBox.selectedProperty().bindBidirectional(viewModel.rememberPasswordProperty());
        passwordBox.visibleProperty().bind(viewModel.passwordNeededProperty());
        passwordBox.managedProperty().bind(passwordBox.visibleProperty());
        passwordBox.disableProperty().bind(viewModel.connectingProperty());
        viewModel.passwordNeededProperty().addListener((obs, was, needed) -> {
            if (needed) {
                Platform.runLater(passwordField::requestFocus);
            }
        });
        errorLabel.textProperty().bind(viewModel.errorProperty());
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        themeToggle.selectedProperty().bindBidirectional(theme.darkProperty());
        themeToggle.setGraphic(ThemeSwitch.icon(theme.darkProperty()));
        NearbyServersList.bind(nearbyList, nearby, viewModel);
        ConnectionTestPanel.bind(testButton, doctorPanel, connectionTest);
        viewModel.serverProperty().addListener((obs, old, now) -> connectionTest.clear());
        Platform.runLater(() -> (nameField.getText().isEmpty() ? nameField : connectButton).requestFocus());
    }

    @FXML
    private void connect() {
        viewModel.connect();
    }

    private static void showHint(Label hint, String text) {
        hint.setText(text);
        hint.setVisible(!text.isEmpty());
        hint.setManaged(!text.isEmpty());
    }
}
