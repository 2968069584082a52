package org.natter.server.ui.shared;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.natter.common.fx.Messages;

/** The pieces the kick, ban and mute dialogs share: the reason field with its counter, and the duration chooser. */
public final class ReasonBox {

    private static final PseudoClass OVER = PseudoClass.getPseudoClass("error");

    private ReasonBox() {
    }

    /** The prompt, the field and, below it, why the reason is refused and the counter ("23/200"). */
    public static VBox of(ReasonViewModel model, Label prompt, String fieldId, String counterId, String hint) {
        TextField reason = new TextField();
        reason.setId(fieldId);
        reason.setPromptText(hint);
        reason.setPrefColumnCount(34);
        reason.textProperty().bindBidirectional(model.reasonProperty());
        prompt.setLabelFor(reason);
        prompt.setWrapText(true);
        Label problem = new Label();
        problem.textProperty().bind(model.problemText());
        problem.getStyleClass().add(StyleClasses.KICK_PROBLEM);
        problem.setWrapText(true);
        problem.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(problem, Priority.ALWAYS);
        Label counter = new Label();
        counter.setId(counterId);
        counter.textProperty().bind(model.counterText());
        counter.getStyleClass().add(StyleClasses.KICK_COUNTER);
        counter.setMinWidth(Label.USE_PREF_SIZE);
        model.tooLongProperty().addListener((obs, old, over) -> counter.pseudoClassStateChanged(OVER, over));
        HBox below = new HBox(8, problem, counter);
        below.setAlignment(Pos.TOP_RIGHT);
        return new VBox(8, prompt, reason, below);
    }

    /** The field inside a box made by {@link #of}. */
    public static TextField fieldOf(VBox box) {
        return box.getChildren().stream().filter(TextField.class::isInstance).map(TextField.class::cast).findFirst()
                .orElseThrow();
    }

    /** A chooser of {@link BanDuration}s, showing {@code initial}. */
    public static ComboBox<BanDuration> durations(Messages messages, BanDuration initial, String id) {
        ComboBox<BanDuration> box = new ComboBox<>();
        box.getItems().setAll(BanDuration.values());
        box.setValue(initial);
        box.setId(id);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(BanDuration duration) {
                return duration == null ? "" : duration.label(messages);
            }

            @Override
            public BanDuration fromString(String text) {
                return null;
            }
        });
        return box;
    }
}
