package org.natter.server.ui.rooms;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.natter.common.fx.Messages;
import org.natter.server.ui.shared.Dialogs;
import org.natter.server.ui.shared.StyleClasses;

/** Asks for a room's rules: moderated (and who may write), slow mode (and how slow). Enter confirms, Esc cancels. */
final class RoomRulesDialog extends Dialog<RoomRulesChoice> {

    static final String MODERATED_ID = "rulesModerated";
    static final String ALLOWED_ID = "rulesAllowed";
    static final String SLOW_ID = "rulesSlow";
    static final String SLOW_SECONDS_ID = "rulesSlowSeconds";
    private static final List<Integer> INTERVALS = List.of(5, 10, 30, 60, 120, 300, 600, 1800, 3600);

    RoomRulesDialog(Window owner, Messages messages, RoomItemViewModel room) {
        initOwner(owner);
        RoomRulesChoice now = room.currentRules();
        setTitle(messages.get("rooms.rules.title"));
        setHeaderText(messages.get("rooms.rules.header", room.name()));
        CheckBox moderated = new CheckBox(messages.get("rooms.rules.moderated"));
        moderated.setId(MODERATED_ID);
        moderated.setSelected(now.moderated());
        TextField allowed = new TextField(String.join(", ", now.allowed()));
        allowed.setId(ALLOWED_ID);
        allowed.setPromptText(messages.get("rooms.rules.allowed.prompt"));
        allowed.disableProperty().bind(moderated.selectedProperty().not());
        Label allowedLabel = new Label(messages.get("rooms.rules.allowed"));
        allowedLabel.setLabelFor(allowed);
        CheckBox slow = new CheckBox(messages.get("rooms.rules.slow"));
        slow.setId(SLOW_ID);
        slow.setSelected(now.slowSeconds() > 0);
        ComboBox<Integer> seconds = new ComboBox<>();
        seconds.setId(SLOW_SECONDS_ID);
        seconds.getItems().setAll(INTERVALS);
        if (now.slowSeconds() > 0 && !INTERVALS.contains(now.slowSeconds())) {
            seconds.getItems().add(0, now.slowSeconds());
        }
        seconds.setValue(now.slowSeconds() > 0 ? now.slowSeconds() : 30);
        seconds.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value % 60 == 0 ? messages.get("rooms.rules.minutes", value / 60)
                        : messages.get("rooms.rules.seconds", value);
            }

            @Override
            public Integer fromString(String text) {
                return null;
            }
        });
        seconds.disableProperty().bind(slow.selectedProperty().not());
        HBox slowRow = new HBox(8, slow, seconds);
        slowRow.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(8, moderated, allowedLabel, allowed, slowRow);
        getDialogPane().setContent(content);
        ButtonType apply = new ButtonType(messages.get("rooms.rules.confirm"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(apply, ButtonType.CANCEL);
        Dialogs.decorate(this, "fth-shield", StyleClasses.ACCENT);
        setResultConverter(button -> button != apply ? null : new RoomRulesChoice(moderated.isSelected(),
                names(allowed.getText()), slow.isSelected() && seconds.getValue() != null ? seconds.getValue() : 0));
    }

    /** "ada, bob  carl" as names: split at commas and spaces. */
    static List<String> names(String text) {
        return Arrays.stream(text.split("[,\\s]+")).map(String::strip).filter(name -> !name.isEmpty()).distinct().toList();
    }

    Optional<RoomRulesChoice> ask() {
        return showAndWait();
    }
}
