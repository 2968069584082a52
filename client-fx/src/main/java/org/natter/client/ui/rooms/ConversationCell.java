package org.natter.client.ui.rooms;

import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.css.PseudoClass;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.natter.client.ui.I18n;
import org.natter.client.ui.Styles;

/**
 * One conversation in the sidebar: an icon (a hash for a room, a person for a direct conversation), the name with an
 * ellipsis when long (the full name and topic in a tooltip), a mention badge and the unread count (red for a direct
 * conversation). The context menu
 * leaves the room or closes the direct conversation. {@code :unread} and {@code :left} pseudo-classes on the row.
 */
final class ConversationCell extends ListCell<ConversationViewModel> {

    private static final PseudoClass UNREAD = PseudoClass.getPseudoClass(Styles.UNREAD);
    private static final PseudoClass LEFT = PseudoClass.getPseudoClass(Styles.LEFT);

    private final FontIcon icon = new FontIcon();
    private final Label name = new Label();
    private final Label mention = new Label("@");
    private final Label unread = new Label();
    private final HBox row = new HBox(6, icon, name, mention, unread);
    private final Tooltip tooltip = new Tooltip();
    private final MenuItem leave = new MenuItem();
    private final ContextMenu menu = new ContextMenu(leave);
    private final InvalidationListener refresh = observable -> render();
    private ConversationViewModel shown;

    ConversationCell(Consumer<ConversationViewModel> onLeave) {
        row.getStyleClass().add(Styles.CONVERSATION_CELL);
        name.getStyleClass().add(Styles.CONVERSATION_NAME);
        name.setMinWidth(0);
        HBox.setHgrow(name, Priority.ALWAYS);
        name.setMaxWidth(Double.MAX_VALUE);
        mention.getStyleClass().addAll(Styles.BADGE, Styles.MENTION_BADGE);
        unread.getStyleClass().add(Styles.BADGE);
        // Badges keep their text; a long name gives way to them.
        mention.setMinWidth(Region.USE_PREF_SIZE);
        unread.setMinWidth(Region.USE_PREF_SIZE);
        leave.setOnAction(e -> onLeave.accept(getItem()));
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        // Long room names end in an ellipsis rather than widening the sidebar.
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(ConversationViewModel conversation, boolean empty) {
        super.updateItem(conversation, empty);
        watch(empty ? null : conversation);
        if (empty || conversation == null) {
            setGraphic(null);
            setText(null);
            setTooltip(null);
            setContextMenu(null);
            return;
        }
        render();
    }

    /** The cell follows its conversation's counts, topic and state itself; the list holds no extractor. */
    private void watch(ConversationViewModel conversation) {
        if (shown == conversation) {
            return;
        }
        for (ConversationViewModel c : new ConversationViewModel[] {shown, conversation}) {
            if (c != null) {
                for (Observable property : new Observable[] {c.unreadProperty(), c.mentionsProperty(), c.topicProperty(),
                        c.joinedProperty()}) {
                    if (c == shown) {
                        property.removeListener(refresh);
                    } else {
                        property.addListener(refresh);
                    }
                }
            }
        }
        shown = conversation;
    }

    private void render() {
        ConversationViewModel conversation = shown;
        if (conversation == null) {
            return;
        }
        boolean room = conversation.isRoom();
        icon.setIconCode(room ? Feather.HASH : Feather.USER);
        name.setText(room ? conversation.key().name() : conversation.label());
        int count = conversation.unreadProperty().get();
        unread.setText(count > 99 ? "99+" : Integer.toString(count));
        show(unread, count > 0);
        // Everything in a direct conversation is for this user: its count is red, without an "@".
        show(mention, room && conversation.mentionsProperty().get() > 0);
        unread.getStyleClass().remove(Styles.MENTION_BADGE);
        if (!room) {
            unread.getStyleClass().add(Styles.MENTION_BADGE);
        }
        row.pseudoClassStateChanged(UNREAD, count > 0);
        row.pseudoClassStateChanged(LEFT, !conversation.joinedProperty().get());
        String topic = conversation.topicProperty().get();
        tooltip.setText(topic.isEmpty() ? conversation.label() : conversation.label() + "\n" + topic);
        setTooltip(tooltip);
        leave.setText(room && conversation.joinedProperty().get() ? I18n.text("rooms.leave", conversation.label())
                : I18n.text("rooms.close"));
        leave.setGraphic(new FontIcon(room ? Feather.LOG_OUT : Feather.X));
        setContextMenu(menu);
        setText(conversation.label());
        setGraphic(row);
    }

    private static void show(Label badge, boolean shown) {
        badge.setVisible(shown);
        badge.setManaged(shown);
    }
}
