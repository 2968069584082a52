package org.natter.client.ui.chat;

import java.util.function.Consumer;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.natter.client.ui.I18n;
import org.natter.client.ui.Styles;
import org.natter.common.protocol.Names;

/**
 * One name in the user list: a coloured initial (the same colour as in the messages) and the name, its full form in
 * a tooltip. A double-click opens a direct conversation with the person; the context menu has Mention and Message.
 */
public final class UserCell extends ListCell<String> {

    private static final PseudoClass SELF = PseudoClass.getPseudoClass(Styles.SELF);

    private final ObservableStringValue myName;
    private final Label avatar = new Label();
    private final Label name = new Label();
    private final HBox row = new HBox(8, avatar, name);
    private final Tooltip tooltip = new Tooltip();
    private final ContextMenu menu = new ContextMenu();
    private String colorClass;

    public UserCell(ObservableStringValue myName, Consumer<String> mention, Consumer<String> message) {
        this.myName = myName;
        row.getStyleClass().add(Styles.USER_CELL);
        avatar.getStyleClass().add(Styles.USER_AVATAR);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        // No horizontal scrolling in the user list: long names end in an ellipsis instead.
        setPrefWidth(0);
        name.setMinWidth(0);
        MenuItem mentionItem = new MenuItem(I18n.text("chat.users.mention"), new FontIcon(Feather.AT_SIGN));
        mentionItem.setOnAction(e -> mention.accept(getItem()));
        MenuItem messageItem = new MenuItem(I18n.text("chat.users.message"), new FontIcon(Feather.MESSAGE_SQUARE));
        messageItem.setOnAction(e -> message.accept(getItem()));
        menu.getItems().addAll(messageItem, mentionItem);
        setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !isEmpty() && getItem() != null) {
                message.accept(getItem());
            }
        });
    }

    @Override
    protected void updateItem(String user, boolean empty) {
        super.updateItem(user, empty);
        if (empty || user == null) {
            setGraphic(null);
            setText(null);
            setTooltip(null);
            setContextMenu(null);
            return;
        }
        boolean self = myName.get() != null && !myName.get().isEmpty() && Names.key(user).equals(Names.key(myName.get()));
        avatar.setText(user.substring(0, user.offsetByCodePoints(0, 1)).toUpperCase());
        avatar.getStyleClass().remove(colorClass);
        colorClass = NameColors.styleClass(user);
        avatar.getStyleClass().add(colorClass);
        name.setText(self ? user + " (" + I18n.text("chat.you") + ")" : user);
        row.pseudoClassStateChanged(SELF, self);
        tooltip.setText(I18n.text("chat.users.tooltip", user));
        setTooltip(tooltip);
        setContextMenu(self ? null : menu);
        setText(user);
        setGraphic(row);
    }
}
