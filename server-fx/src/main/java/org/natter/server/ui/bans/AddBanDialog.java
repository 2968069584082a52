package org.natter.server.ui.bans;

import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.natter.common.fx.Messages;
import org.natter.server.ui.shared.BanDuration;
import org.natter.server.ui.shared.Dialogs;
import org.natter.server.ui.shared.ReasonBox;
import org.natter.server.ui.shared.StyleClasses;

/**
 * Bans a name, an address or a range such as 192.168.1.0/24. The server has the last word: its sentence shows in
 * the dialog, which closes only once the ban is in force. Enter confirms, Esc cancels.
 */
public final class AddBanDialog extends Dialog<Void> {

    public static final String TARGET_FIELD_ID = "banTargetField";
    public static final String DURATION_ID = "banDuration";
    public static final String REASON_FIELD_ID = "banReasonField";
    public static final String PROBLEM_ID = "banProblem";

    public AddBanDialog(Window owner, Messages messages, AddBanViewModel form) {
        initOwner(owner);
        setTitle(messages.get("bans.add.title"));
        setHeaderText(messages.get("bans.add.header"));
        TextField target = new TextField();
        target.setId(TARGET_FIELD_ID);
        target.setPromptText(messages.get("bans.add.target.prompt"));
        target.textProperty().bindBidirectional(form.targetProperty());
        Label targetLabel = new Label(messages.get("bans.add.target"));
        targetLabel.setLabelFor(target);
        Label problem = new Label();
        problem.setId(PROBLEM_ID);
        problem.textProperty().bind(form.problemProperty());
        problem.getStyleClass().add(StyleClasses.FORM_PROBLEM);
        problem.setWrapText(true);
        problem.setMaxWidth(420);
        ComboBox<BanDuration> duration = ReasonBox.durations(messages, form.durationProperty().get(), DURATION_ID);
        form.durationProperty().bind(duration.valueProperty());
        Label durationLabel = new Label(messages.get("sanction.duration"));
        durationLabel.setLabelFor(duration);
        VBox reason = ReasonBox.of(form.reason(), new Label(messages.get("bans.add.reason")), REASON_FIELD_ID,
                "banCounter", messages.get("sanction.reason.prompt"));
        getDialogPane().setContent(new VBox(8, targetLabel, target, problem, durationLabel, duration, reason));

        ButtonType confirm = new ButtonType(messages.get("ban.confirm"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(confirm, ButtonType.CANCEL);
        Button banButton = (Button) getDialogPane().lookupButton(confirm);
        banButton.getStyleClass().add(StyleClasses.DANGER);
        banButton.disableProperty().bind(form.canBanProperty().not());
        banButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            form.ban().thenAccept(banned -> {
                if (banned) {
                    close();
                } else {
                    target.requestFocus();
                }
            });
        });
        Dialogs.decorate(this, "fth-slash", StyleClasses.DANGER);
        setResultConverter(button -> null);
        getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                event.consume();
                ((Button) getDialogPane().lookupButton(ButtonType.CANCEL)).fire();
            }
        });
        setOnShown(event -> Platform.runLater(target::requestFocus));
    }
}
