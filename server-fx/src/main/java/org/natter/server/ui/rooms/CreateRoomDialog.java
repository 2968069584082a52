package org.natter.server.ui.rooms;

import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.natter.common.fx.Messages;
import org.natter.server.ui.shared.Dialogs;
import org.natter.server.ui.shared.StyleClasses;

/**
 * Asks for a new room's name and topic. Create asks the server; if it refuses, its sentence shows under the fields
 * and the dialog stays open. The result is the room's name once it exists. Enter creates, Esc cancels.
 */
public final class CreateRoomDialog extends Dialog<String> {

    public static final String NAME_FIELD_ID = "newRoomName";
    public static final String TOPIC_FIELD_ID = "newRoomTopic";
    public static final String PROBLEM_ID = "newRoomProblem";

    public CreateRoomDialog(Window owner, Messages messages, CreateRoomViewModel form) {
        initOwner(owner);
        setTitle(messages.get("rooms.new.title"));
        setHeaderText(messages.get("rooms.new.header"));
        TextField name = field(NAME_FIELD_ID, messages.get("rooms.new.name.prompt"));
        name.textProperty().bindBidirectional(form.nameProperty());
        TextField topic = field(TOPIC_FIELD_ID, messages.get("rooms.new.topic.prompt"));
        topic.textProperty().bindBidirectional(form.topicProperty());
        Label problem = new Label();
        problem.setId(PROBLEM_ID);
        problem.textProperty().bind(form.problemProperty());
        problem.getStyleClass().add(StyleClasses.FORM_PROBLEM);
        problem.setWrapText(true);
        problem.setMaxWidth(420);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, label(messages.get("rooms.new.name"), name), name);
        grid.addRow(1, label(messages.get("rooms.new.topic"), topic), topic);
        grid.add(problem, 1, 2);
        getDialogPane().setContent(grid);

        ButtonType create = new ButtonType(messages.get("rooms.new.confirm"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(create, ButtonType.CANCEL);
        Button createButton = (Button) getDialogPane().lookupButton(create);
        createButton.disableProperty().bind(form.canCreateProperty().not());
        // The server has the last word: the dialog closes only once the room exists.
        createButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            form.create().thenAccept(created -> {
                if (created) {
                    setResult(form.nameProperty().get().strip());
                    close();
                } else {
                    name.requestFocus();
                }
            });
        });
        Dialogs.decorate(this, "fth-hash", StyleClasses.ACCENT);
        setResultConverter(button -> null);
        getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                event.consume();
                ((Button) getDialogPane().lookupButton(ButtonType.CANCEL)).fire();
            }
        });
        setOnShown(event -> Platform.runLater(name::requestFocus));
    }

    private static TextField field(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(28);
        return field;
    }

    private static Label label(String text, TextField field) {
        Label label = new Label(text);
        label.setLabelFor(field);
        return label;
    }
}
