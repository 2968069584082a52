package org.natter.server.ui.settings;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Separator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.natter.common.fx.Messages;
import org.natter.server.ui.shared.Dialogs;
import org.natter.server.ui.shared.StyleClasses;

/**
 * The security part of the settings dialog: the certificate's safety code and fingerprint, "Make a new
 * certificate" (behind a warning), "Allow unencrypted connections" and the password. The checkbox and the password
 * are applied when the dialog's OK is pressed ({@link #apply}); a new certificate is made at once after the warning.
 */
final class SecuritySection {

    static final String ALLOW_PLAIN_ID = "allowPlainBox";
    static final String PASSWORD_ID = "serverPasswordField";
    static final String REMOVE_PASSWORD_ID = "removePasswordBox";
    static final String RENEW_ID = "renewCertificateButton";
    static final String CODE_ID = "settingsSafetyCode";

    private final SecurityViewModel security;
    private final CheckBox allowPlain;
    private final PasswordField password = new PasswordField();
    private final CheckBox removePassword;
    private final Node content;

    SecuritySection(Messages messages, SecurityViewModel security, java.util.function.Supplier<Window> owner) {
        this.security = security;
        allowPlain = new CheckBox(messages.get("settings.security.allowPlain"));
        allowPlain.setId(ALLOW_PLAIN_ID);
        allowPlain.setSelected(security.plainAllowedProperty().get());
        Label plainNote = muted(messages.get("settings.security.allowPlain.note"));
        plainNote.visibleProperty().bind(allowPlain.selectedProperty());
        plainNote.managedProperty().bind(plainNote.visibleProperty());

        password.setId(PASSWORD_ID);
        password.setPromptText(messages.get("settings.security.password.prompt"));
        Label passwordState = muted(messages.get(security.passwordSetProperty().get()
                ? "settings.security.password.set" : "settings.security.password.none"));
        removePassword = new CheckBox(messages.get("settings.security.password.remove"));
        removePassword.setId(REMOVE_PASSWORD_ID);
        removePassword.setVisible(security.passwordSetProperty().get());
        removePassword.setManaged(removePassword.isVisible());
        password.disableProperty().bind(removePassword.selectedProperty());
        Label passwordProblem = new Label();
        passwordProblem.getStyleClass().add("field-problem");
        passwordProblem.setWrapText(true);
        password.textProperty().addListener((obs, old, typed) -> {
            String problem = problem();
            passwordProblem.setText(problem == null ? "" : problem);
        });
        passwordProblem.visibleProperty().bind(passwordProblem.textProperty().isNotEmpty());
        passwordProblem.managedProperty().bind(passwordProblem.visibleProperty());

        Label code = new Label();
        code.setId(CODE_ID);
        code.textProperty().bind(security.safetyCodeProperty());
        code.getStyleClass().add("safety-code");
        Label fingerprint = muted("");
        fingerprint.textProperty().bind(security.fingerprintProperty());
        Button renew = new Button(messages.get("settings.security.renew"));
        renew.setId(RENEW_ID);
        renew.disableProperty().bind(security.busyProperty());
        renew.setOnAction(event -> {
            if (Dialogs.confirm(owner.get(), messages.get("settings.security.renew.title"),
                    messages.get("settings.security.renew.header"), messages.get("settings.security.renew.content"),
                    messages.get("settings.security.renew.confirm"), "fth-refresh-cw")) {
                security.renewCertificate();
            }
        });

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        if (security.encryptedProperty().get()) {
            grid.addRow(0, new Label(messages.get("settings.security.code")), new VBox(2, code, fingerprint, renew));
            grid.add(new VBox(4, allowPlain, plainNote), 1, 1);
            grid.addRow(2, new Label(messages.get("settings.security.password")),
                    new VBox(4, password, passwordProblem, passwordState, removePassword));
        } else {
            grid.add(muted(messages.get("settings.security.none")), 0, 0, 2, 1);
        }
        Label heading = new Label(messages.get("settings.security"));
        heading.getStyleClass().add("title-4");
        content = new VBox(8, new Separator(), heading, grid);
    }

    Node content() {
        return content;
    }

    /** Applies what changed (the password is hashed in the background). */
    void apply() {
        if (!security.encryptedProperty().get()) {
            return;
        }
        if (allowPlain.isSelected() != security.plainAllowedProperty().get()) {
            security.setPlainAllowed(allowPlain.isSelected());
        }
        if (removePassword.isSelected()) {
            security.setPassword(null);
        } else if (!password.getText().isEmpty()) {
            security.setPassword(password.getText());
        }
    }

    /** What is wrong with the typed password, or {@code null}: the dialog stays open until it is fixed. */
    String problem() {
        if (removePassword.isSelected() || password.getText().isEmpty()) {
            return null;
        }
        return org.natter.server.core.security.PasswordHash.problem(password.getText()).orElse(null);
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(StyleClasses.TEXT_MUTED);
        label.setWrapText(true);
        label.setMaxWidth(420);
        return label;
    }
}
