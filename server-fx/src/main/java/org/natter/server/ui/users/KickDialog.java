package org.natter.server.ui.users;

import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.natter.common.fx.Messages;
import org.natter.server.ui.shared.Dialogs;
import org.natter.server.ui.shared.StyleClasses;

/**
 * Asks for an optional kick reason for one or more users. The reason goes to the removed users only; the others
 * see that the host removed them. Enter confirms (default button), Esc cancels (cancel button).
 */
public final class KickDialog extends Dialog<String> {

    public static final String REASON_FIELD_ID = "kickReasonField";
    public static final String COUNTER_ID = "kickCounter";
    public static final String PROMPT_ID = "kickPrompt";

    private static final PseudoClass OVER = PseudoClass.getPseudoClass("error");

    public KickDialog(Window owner, Messages messages, List<String> names) {
        initOwner(owner);
        KickReasonViewModel model = new KickReasonViewModel(messages);
        boolean one = names.size() == 1;
        setTitle(messages.get("kick.title"));
        setHeaderText(one ? messages.get("kick.header", names.get(0)) : messages.get("kick.header.many", names.size()));
        TextField reason = new TextField();
        reason.setId(REASON_FIELD_ID);
        reason.setPromptText(messages.get("kick.reason.prompt"));
        reason.setPrefColumnCount(34);
        reason.textProperty().bindBidirectional(model.reasonProperty());
        Label prompt = new Label(one ? messages.get("kick.reason", names.get(0))
                : messages.get("kick.reason.many", names.size()));
        prompt.setId(PROMPT_ID);
        prompt.setLabelFor(reason);
        prompt.setWrapText(true);
        Label problem = new Label();
        problem.textProperty().bind(model.problemText());
        problem.getStyleClass().add(StyleClasses.KICK_PROBLEM);
        problem.setWrapText(true);
        problem.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(problem, Priority.ALWAYS);
        Label counter = new Label();
        counter.setId(COUNTER_ID);
        counter.textProperty().bind(model.counterText());
        counter.getStyleClass().add(StyleClasses.KICK_COUNTER);
        counter.setMinWidth(Label.USE_PREF_SIZE);
        model.tooLongProperty().addListener((obs, old, over) -> counter.pseudoClassStateChanged(OVER, over));
        HBox below = new HBox(8, problem, counter);
        below.setAlignment(Pos.TOP_RIGHT);
        getDialogPane().setContent(new VBox(8, prompt, reason, below));

        ButtonType kick = new ButtonType(messages.get("kick.confirm"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(kick, ButtonType.CANCEL);
        Button kickButton = (Button) getDialogPane().lookupButton(kick);
        kickButton.getStyleClass().add(StyleClasses.DANGER);
        kickButton.disableProperty().bind(model.tooLongProperty());
        Dialogs.decorate(this, "fth-user-x", StyleClasses.DANGER);
        setResultConverter(button -> button == kick ? model.reason() : null);
        // A text field consumes Esc (to undo an edit), so the dialog catches it first.
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
