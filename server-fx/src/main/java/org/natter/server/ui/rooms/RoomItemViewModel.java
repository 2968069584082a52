package org.natter.server.ui.rooms;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.natter.common.model.RoomInfo;
import org.natter.common.protocol.ProtocolLimits;

/** One row of the Rooms table; updated in place from the server's room events. FX thread. */
public final class RoomItemViewModel {

    private final String name;
    private final String hostName;
    private final StringProperty topic = new SimpleStringProperty(this, "topic", "");
    private final ObjectProperty<List<String>> members = new SimpleObjectProperty<>(this, "members", List.of());
    private final IntegerProperty memberCount = new SimpleIntegerProperty(this, "memberCount");
    private final LongProperty messages = new SimpleLongProperty(this, "messages");
    private final StringProperty creator = new SimpleStringProperty(this, "creator", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final StringProperty rules = new SimpleStringProperty(this, "rules", "");
    private RoomRulesChoice currentRules = RoomRulesChoice.OPEN;
    private final java.util.function.Function<RoomRulesChoice, String> rulesText;

    /**
     * @param hostName  how the creator column names the operator ("host")
     * @param rulesText how the rules column reads ("moderated, slow 30 s"; empty for an open room)
     */
    RoomItemViewModel(RoomInfo room, String hostName, java.util.function.Function<RoomRulesChoice, String> rulesText) {
        this.name = room.name();
        this.hostName = hostName;
        this.rulesText = rulesText;
        update(room);
    }

    /** Who may write and how often, as the Rules column says it; empty for a room open to everyone. */
    public StringProperty rulesProperty() {
        return rules;
    }

    /** The room's rules now, for the rules dialog to start from. */
    public RoomRulesChoice currentRules() {
        return currentRules;
    }

    /** The room's name, without {@code #}. */
    public String name() {
        return name;
    }

    public StringProperty topicProperty() {
        return topic;
    }

    /** The members' names, sorted ignoring case. */
    public ObjectProperty<List<String>> membersProperty() {
        return members;
    }

    public IntegerProperty memberCountProperty() {
        return memberCount;
    }

    /** Messages said in the room since the server started (or since its history was cleared). */
    public LongProperty messagesProperty() {
        return messages;
    }

    /** The user who created the room, or "host" for the operator's rooms and general. */
    public StringProperty creatorProperty() {
        return creator;
    }

    /** True while a command on this room is on its way; its buttons are disabled meanwhile. */
    public BooleanProperty busyProperty() {
        return busy;
    }

    /** False for general, which every user is in and which cannot be closed. */
    public boolean canClose() {
        return !name.equalsIgnoreCase(ProtocolLimits.GENERAL_ROOM);
    }

    void update(RoomInfo room) {
        topic.set(room.topic());
        members.set(room.members());
        memberCount.set(room.members().size());
        messages.set(room.messages());
        creator.set(room.creator() == null ? hostName : room.creator());
        currentRules = new RoomRulesChoice(room.moderated(), room.allowed(), room.slowModeSeconds());
        rules.set(rulesText.apply(currentRules));
    }

    void countMessage() {
        messages.set(messages.get() + 1);
    }
}
