package org.natter.server.ui.users;

import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.natter.common.fx.Messages;
import org.natter.server.ui.shared.BanDuration;
import org.natter.server.ui.shared.Dialogs;
import org.natter.server.ui.shared.ReasonBox;
import org.natter.server.ui.shared.ReasonViewModel;
import org.natter.server.ui.shared.StyleClasses;

/**
 * Asks for an optional kick reason for one or more users, and whether to ban them too (for how long, and their
 * addresses as well). The reason goes to the removed users only; the others see that the host removed them. Enter
 * confirms (default button), Esc cancels (cancel button).
 */
public final class KickDialog extends Dialog<KickChoice> {

    public static final String REASON_FIELD_ID = "kickReasonField";
    public static final String COUNTER_ID = "kickCounter";
    public static final String PROMPT_ID = "kickPrompt";
    public static final String BAN_CHECK_ID = "kickBanCheck";
    public static final String BAN_DURATION_ID = "kickBanDuration";
    public static final String BAN_ADDRESS_ID = "kickBanAddress";

    public KickDialog(Window owner, Messages messages, List<String> names) {
        initOwner(owner);
        ReasonViewModel model = new ReasonViewModel(messages);
        boolean one = names.size() == 1;
        setTitle(messages.get("kick.title"));
        setHeaderText(one ? messages.get("kick.header", names.get(0)) : messages.get("kick.header.many", names.size()));
        Label prompt = new Label(one ? messages.get("kick.reason", names.get(0))
                : messages.get("kick.reason.many", names.size()));
        prompt.setId(PROMPT_ID);
        VBox content = ReasonBox.of(model, prompt, REASON_FIELD_ID, COUNTER_ID, messages.get("kick.reason.prompt"));
        CheckBox ban = new CheckBox(messages.get("kick.ban"));
        ban.setId(BAN_CHECK_ID);
        ComboBox<BanDuration> duration = ReasonBox.durations(messages, BanDuration.ONE_HOUR, BAN_DURATION_ID);
        duration.disableProperty().bind(ban.selectedProperty().not());
        CheckBox address = new CheckBox(messages.get("kick.banAddress"));
        address.setId(BAN_ADDRESS_ID);
        address.disableProperty().bind(ban.selectedProperty().not());
        HBox banRow = new HBox(8, ban, duration, address);
        banRow.setAlignment(Pos.CENTER_LEFT);
        content.getChildren().add(banRow);
        getDialogPane().setContent(content);

        ButtonType kick = new ButtonType(messages.get("kick.confirm"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(kick, ButtonType.CANCEL);
        Button kickButton = (Button) getDialogPane().lookupButton(kick);
        kickButton.getStyleClass().add(StyleClasses.DANGER);
        kickButton.disableProperty().bind(model.tooLongProperty());
        Dialogs.decorate(this, "fth-user-x", StyleClasses.DANGER);
        setResultConverter(button -> button != kick ? null : new KickChoice(model.reason(),
                ban.isSelected() ? duration.getValue() : null, ban.isSelected() && address.isSelected()));
        closeOnEscape(this);
        // The dialog focuses its default button while showing; the field takes focus once that is done.
        setOnShown(event -> Platform.runLater(ReasonBox.fieldOf(content)::requestFocus));
    }

    /** What to do when the operator confirmed, empty when cancelled. */
    public Optional<KickChoice> ask() {
        return showAndWait();
    }

    /** A text field consumes Esc (to undo an edit), so the dialog catches it first. */
    static void closeOnEscape(Dialog<?> dialog) {
        dialog.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                event.consume();
                ((Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL)).fire();
            }
        });
    }
}
