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
 * Bans or mutes one or more users: how long, a reason (at most 200 characters, refused not cut) and, for a ban,
 * whether their addresses are banned too. Enter confirms, Esc cancels.
 */
public final class SanctionDialog extends Dialog<SanctionChoice> {

    public static final String REASON_FIELD_ID = "sanctionReasonField";
    public static final String COUNTER_ID = "sanctionCounter";
    public static final String DURATION_ID = "sanctionDuration";
    public static final String ADDRESS_ID = "sanctionAddress";

    /** @param kind "ban" or "mute": the prefix of the dialog's texts */
    public SanctionDialog(Window owner, Messages messages, String kind, List<String> names) {
        initOwner(owner);
        boolean ban = kind.equals("ban");
        ReasonViewModel model = new ReasonViewModel(messages, "sanction.tooLong");
        setTitle(messages.get(kind + ".title"));
        setHeaderText(names.size() == 1 ? messages.get(kind + ".header", names.get(0))
                : messages.get(kind + ".header.many", names.size()));
        VBox content = ReasonBox.of(model, new Label(messages.get(kind + ".reason")), REASON_FIELD_ID, COUNTER_ID,
                messages.get("sanction.reason.prompt"));
        ComboBox<BanDuration> duration = ReasonBox.durations(messages, BanDuration.ONE_HOUR, DURATION_ID);
        Label durationLabel = new Label(messages.get("sanction.duration"));
        durationLabel.setLabelFor(duration);
        HBox durationRow = new HBox(8, durationLabel, duration);
        durationRow.setAlignment(Pos.CENTER_LEFT);
        content.getChildren().add(0, durationRow);
        CheckBox address = new CheckBox(messages.get("ban.address"));
        address.setId(ADDRESS_ID);
        if (ban) {
            content.getChildren().add(address);
        }
        getDialogPane().setContent(content);

        ButtonType confirm = new ButtonType(messages.get(kind + ".confirm"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(confirm, ButtonType.CANCEL);
        Button confirmButton = (Button) getDialogPane().lookupButton(confirm);
        confirmButton.getStyleClass().add(StyleClasses.DANGER);
        confirmButton.disableProperty().bind(model.tooLongProperty());
        Dialogs.decorate(this, ban ? "fth-slash" : "fth-mic-off", StyleClasses.DANGER);
        setResultConverter(button -> button != confirm ? null
                : new SanctionChoice(duration.getValue(), model.reason(), ban && address.isSelected()));
        KickDialog.closeOnEscape(this);
        setOnShown(event -> Platform.runLater(ReasonBox.fieldOf(content)::requestFocus));
    }

    public Optional<SanctionChoice> ask() {
        return showAndWait();
    }
}
