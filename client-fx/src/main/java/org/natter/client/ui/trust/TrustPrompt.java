package org.natter.client.ui.trust;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.natter.client.net.trust.ServerIdentity;
import org.natter.client.net.trust.TrustDecider;
import org.natter.client.ui.I18n;
import org.natter.client.ui.Styles;

/**
 * Asks the person whether to trust a server's certificate, in the window. On first use: the safety code to compare
 * with the Natter Server window, Trust or Cancel. When the certificate changed: a red explanation, Cancel as the
 * default, and "Trust the new certificate" only after ticking that the code was checked with the operator.
 *
 * <p>{@link #decide} is called on a connector thread; the dialog is shown on the FX thread (not waited for), and
 * the answer completes the future when the dialog closes.
 */
public final class TrustPrompt implements TrustDecider {

    public static final String TRUST_BUTTON_ID = "trustButton";
    public static final String TRUST_NEW_BUTTON_ID = "trustNewButton";
    public static final String CONFIRM_CHANGE_ID = "confirmChangeBox";
    public static final String SAFETY_CODE_ID = "safetyCodeLabel";
    public static final String WARNING_ID = "changedWarning";

    private final Supplier<Window> owner;
    private final Executor fx;
    private final String stylesheet;

    public TrustPrompt(Supplier<Window> owner, Executor fx) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.stylesheet = Objects.requireNonNull(TrustPrompt.class.getResource(Styles.STYLESHEET)).toExternalForm();
    }

    @Override
    public CompletableFuture<Boolean> decide(ServerIdentity identity) {
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        fx.execute(() -> {
            Dialog<Boolean> dialog = identity.changed() ? changed(identity) : firstUse(identity);
            Window window = owner.get();
            if (window != null) {
                dialog.initOwner(window);
            }
            dialog.getDialogPane().getStylesheets().add(stylesheet);
            dialog.setOnHidden(event -> answer.complete(Boolean.TRUE.equals(dialog.getResult())));
            dialog.show();
        });
        return answer;
    }

    private static Dialog<Boolean> firstUse(ServerIdentity identity) {
        Dialog<Boolean> dialog = new Dialog<>();
        dialog.setTitle(I18n.text("trust.title"));
        dialog.setHeaderText(I18n.text("trust.header", identity.address().toString()));
        dialog.setGraphic(icon(Feather.SHIELD));
        ButtonType trust = new ButtonType(I18n.text("trust.trust"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(trust, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(trust).setId(TRUST_BUTTON_ID);
        dialog.getDialogPane().setContent(new VBox(6, new Label(I18n.text("trust.code")), code(identity),
                wrapped(I18n.text("trust.explain"))));
        dialog.setResultConverter(button -> button == trust);
        return dialog;
    }

    private static Dialog<Boolean> changed(ServerIdentity identity) {
        Dialog<Boolean> dialog = new Dialog<>();
        dialog.setTitle(I18n.text("trust.changed.title"));
        dialog.setHeaderText(I18n.text("trust.changed.header", identity.address().toString()));
        dialog.setGraphic(icon(Feather.ALERT_TRIANGLE));
        Label warning = wrapped(I18n.text("trust.changed.explain"));
        warning.setId(WARNING_ID);
        warning.getStyleClass().add(Styles.TRUST_WARNING);
        CheckBox checked = new CheckBox(I18n.text("trust.changed.check"));
        checked.setId(CONFIRM_CHANGE_ID);
        checked.setWrapText(true);
        ButtonType trust = new ButtonType(I18n.text("trust.changed.trust"), ButtonBar.ButtonData.OTHER);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CANCEL, trust);
        var trustButton = dialog.getDialogPane().lookupButton(trust);
        trustButton.setId(TRUST_NEW_BUTTON_ID);
        // The deliberate second step: nothing trusts the new certificate by a reflex click or Enter.
        trustButton.disableProperty().bind(checked.selectedProperty().not());
        Label code = code(identity);
        code.visibleProperty().bind(checked.selectedProperty());
        dialog.getDialogPane().setContent(new VBox(10, warning, checked, code));
        dialog.getDialogPane().setPrefWidth(480);
        dialog.setResultConverter(button -> button == trust);
        return dialog;
    }

    private static Label code(ServerIdentity identity) {
        Label code = new Label(identity.safetyCode());
        code.setId(SAFETY_CODE_ID);
        code.getStyleClass().add(Styles.SAFETY_CODE);
        return code;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMaxWidth(440);
        return label;
    }

    private static FontIcon icon(Feather glyph) {
        FontIcon icon = new FontIcon(glyph);
        icon.getStyleClass().add(Styles.DIALOG_ICON);
        return icon;
    }
}
