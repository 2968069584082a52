package org.natter.server.ui.users;

import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.natter.common.fx.Messages;
import org.natter.common.protocol.ProtocolLimits;
import org.natter.server.ui.shared.StyleClasses;

/** Asks for an optional kick reason. Enter confirms (default button), Esc cancels (cancel button). */
public final class KickDialog extends Dialog<String> {

    public static final String REASON_FIELD_ID = "kickReasonField";

    public KickDialog(Window owner, Messages messages, String userName) {
        initOwner(owner);
        setTitle(messages.get("kick.title"));
        setHeaderText(messages.get("kick.header", userName));
        TextField reason = new TextField();
        reason.setId(REASON_FIELD_ID);
        reason.setPromptText(messages.get("kick.reason.prompt"));
        reason.setPrefColumnCount(30);
        // The server refuses longer reasons; stopping the typing is friendlier than an error afterwards.
        reason.setTextFormatter(new TextFormatter<String>(change ->
                change.getControlNewText().length() <= ProtocolLimits.MAX_REASON_LENGTH ? change : null));
        Label prompt = new Label(messages.get("kick.reason", userName, ProtocolLimits.MAX_REASON_LENGTH));
        prompt.setLabelFor(reason);
        prompt.setWrapText(true);
        getDialogPane().setContent(new VBox(8, prompt, reason));
        ButtonType kick = new ButtonType(messages.get("kick.confirm"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(kick, ButtonType.CANCEL);
        getDialogPane().lookupButton(kick).getStyleClass().add(StyleClasses.DANGER);
        setResultConverter(button -> button == kick ? reason.getText().strip() : null);
        // A text field with a formatter consumes Esc (to undo an edit), so the dialog catches it first.
        getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                event.consume();
                ((Button) getDialogPane().lookupButton(ButtonType.CANCEL)).fire();
            }
        });
        // The dialog focuses its default button while showing; the field takes focus once that is done.
        setOnShown(event -> Platform.runLater(reason::requestFocus));
    }

    /** The reason (possibly empty) when the operator confirmed, empty when cancelled. */
    public Optional<String> ask() {
        return showAndWait();
    }
}
