package org.natter.client.ui.rooms;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.natter.client.ui.I18n;

/**
 * The line above the messages: the open conversation's name ({@code #maths} or a person), the room's topic, and the
 * conversation's menu (leave the room or close the direct conversation; join another room).
 */
public final class ConversationBar {

    public ConversationBar(Label title, Label topic, MenuButton menu, ConversationListViewModel model,
                           Consumer<ConversationViewModel> leave, Runnable openRoomDialog) {
        ObservableValue<ConversationViewModel> open = model.selectedProperty();
        title.textProperty().bind(open.map(ConversationViewModel::label));
        topic.textProperty().bind(open.flatMap(c -> Bindings.createStringBinding(() -> topicText(c),
                c.topicProperty(), c.joinedProperty())));
        Tooltip full = new Tooltip();
        full.textProperty().bind(topic.textProperty());
        topic.setTooltip(full);
        MenuItem leaveItem = new MenuItem();
        leaveItem.setId("leaveConversationItem");
        leaveItem.textProperty().bind(open.flatMap(c -> Bindings.createStringBinding(() -> c.isRoom()
                && c.joinedProperty().get() ? I18n.text("rooms.leave", c.label()) : I18n.text("rooms.close"),
                c.joinedProperty())));
        leaveItem.setGraphic(new FontIcon(Feather.LOG_OUT));
        leaveItem.setOnAction(e -> leave.accept(model.current()));
        MenuItem joinItem = new MenuItem(I18n.text("rooms.join"), new FontIcon(Feather.PLUS));
        joinItem.setOnAction(e -> openRoomDialog.run());
        menu.getItems().setAll(joinItem, leaveItem);
    }

    private static String topicText(ConversationViewModel conversation) {
        if (!conversation.isRoom()) {
            return I18n.text("rooms.direct", conversation.label());
        }
        if (!conversation.joinedProperty().get()) {
            return I18n.text("rooms.closed");
        }
        String topic = conversation.topicProperty().get();
        return topic.isEmpty() ? I18n.text("rooms.noTopic") : topic;
    }
}
