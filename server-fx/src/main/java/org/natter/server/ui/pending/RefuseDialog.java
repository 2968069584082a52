package org.natter.server.ui.pending;

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
 * Asks why a waiting user is turned away (optional, shown to them) and whether to ban the name too, for how long,
 * and the address as well. Enter confirms, Esc cancels.
 */
public final class RefuseDialog extends Dialog<RefuseChoice> {

    public static final String REASON_FIELD_ID = "refuseReasonField";
    public static final String BAN_CHECK_ID = "refuseBanCheck";
    public static final String BAN_DURATION_ID = "refuseBanDuration";
    public static final String BAN_ADDRESS_ID = "refuseBanAddress";

    public RefuseDialog(Window owner, Messages messages, String name, String address) {
        initOwner(owner);
        ReasonViewModel model = new ReasonViewModel(messages);
        setTitle(messages.get("refuse.title"));
        setHeaderText(messages.get("refuse.header", name, address));
        VBox content = ReasonBox.of(model, new Label(messages.get("refuse.reason", name)), REASON_FIELD_ID,
                "refuseCounter", messages.get("refuse.reason.prompt"));
        CheckBox ban = new CheckBox(messages.get("refuse.ban"));
        ban.setId(BAN_CHECK_ID);
        ComboBox<BanDuration> duration = ReasonBox.durations(messages, BanDuration.ONE_HOUR, BAN_DURATION_ID);
        duration.disableProperty().bind(ban.selectedProperty().not());
        CheckBox banAddress = new CheckBox(messages.get("kick.banAddress"));
        banAddress.setId(BAN_ADDRESS_ID);
        banAddress.disableProperty().bind(ban.selectedProperty().not());
        HBox banRow = new HBox(8, ban, duration, banAddress);
        banRow.setAlignment(Pos.CENTER_LEFT);
        content.getChildren().add(banRow);
        getDialogPane().setContent(content);

        ButtonType refuse = new ButtonType(messages.get("refuse.confirm"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(refuse, ButtonType.CANCEL);
        Button refuseButton = (Button) getDialogPane().lookupButton(refuse);
        refuseButton.getStyleClass().add(StyleClasses.DANGER);
        refuseButton.disableProperty().bind(model.tooLongProperty());
        Dialogs.decorate(this, "fth-user-x", StyleClasses.DANGER);
        setResultConverter(button -> button != refuse ? null : new RefuseChoice(model.reason(),
                ban.isSelected() ? duration.getValue() : null, ban.isSelected() && banAddress.isSelected()));
        // A text field consumes Esc (to undo an edit), so the dialog catches it first.
        getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                event.consume();
                ((Button) getDialogPane().lookupButton(ButtonType.CANCEL)).fire();
            }
        });
        setOnShown(event -> Platform.runLater(ReasonBox.fieldOf(content)::requestFocus));
    }

    /** What to do when the operator confirmed, empty when cancelled. */
    public Optional<RefuseChoice> ask() {
        return showAndWait();
    }
}
