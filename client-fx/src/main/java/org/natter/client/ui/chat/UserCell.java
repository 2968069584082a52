package org.natter.client.ui.chat;

import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import org.natter.client.ui.I18n;
import org.natter.client.ui.Styles;
import org.natter.common.protocol.Names;

/** One name in the user list: a coloured initial (the same colour as in the messages) and the name. */
public final class UserCell extends ListCell<String> {

    private static final PseudoClass SELF = PseudoClass.getPseudoClass(Styles.SELF);

    private final ObservableStringValue myName;
    private final Label avatar = new Label();
    private final Label name = new Label();
    private final HBox row = new HBox(8, avatar, name);
    private String colorClass;

    public UserCell(ObservableStringValue myName) {
        this.myName = myName;
        row.getStyleClass().add(Styles.USER_CELL);
        avatar.getStyleClass().add(Styles.USER_AVATAR);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        // No horizontal scrolling in the user list: long names end in an ellipsis instead.
        setPrefWidth(0);
        name.setMinWidth(0);
    }

    @Override
    protected void updateItem(String user, boolean empty) {
        super.updateItem(user, empty);
        if (empty || user == null) {
            setGraphic(null);
            setText(null);
            return;
        }
        boolean self = myName.get() != null && !myName.get().isEmpty() && Names.key(user).equals(Names.key(myName.get()));
        avatar.setText(user.substring(0, user.offsetByCodePoints(0, 1)).toUpperCase());
        avatar.getStyleClass().remove(colorClass);
        colorClass = NameColors.styleClass(user);
        avatar.getStyleClass().add(colorClass);
        name.setText(self ? user + " (" + I18n.text("chat.you") + ")" : user);
        row.pseudoClassStateChanged(SELF, self);
        setText(user);
        setGraphic(row);
    }
}
