package org.natter.client.ui.rooms;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.natter.client.ui.chat.ChatEntry;
import org.natter.client.ui.chat.ChatLines;

/**
 * One conversation of the sidebar: a room or a direct conversation, with its own lines, its unread and mention
 * counts, and (for a room) its topic and members.
 *
 * <p><b>Threads:</b> the FX thread only.
 */
public final class ConversationViewModel {

    private final ConversationKey key;
    private final ChatLines lines;
    private final IntegerProperty unread = new SimpleIntegerProperty();
    private final IntegerProperty mentions = new SimpleIntegerProperty();
    private final StringProperty topic = new SimpleStringProperty("");
    private final BooleanProperty joined = new SimpleBooleanProperty(true);
    private final ObservableList<String> members = FXCollections.observableArrayList();

    ConversationViewModel(ConversationKey key, int maxLines) {
        this.key = key;
        this.lines = new ChatLines(maxLines);
        if (key.kind() == ConversationKey.Kind.DIRECT) {
            members.setAll(key.name());
        }
    }

    public ConversationKey key() {
        return key;
    }

    /** {@code #maths} or the other person's name. */
    public String label() {
        return key.label();
    }

    public boolean isRoom() {
        return key.isRoom();
    }

    public ChatLines lines() {
        return lines;
    }

    /** Messages from others that arrived while this conversation was not in front of the user. */
    public ReadOnlyIntegerProperty unreadProperty() {
        return unread;
    }

    /** How many of the unread messages name this user, or are direct messages to them. */
    public ReadOnlyIntegerProperty mentionsProperty() {
        return mentions;
    }

    /** The room's topic; empty when none is set, and always for a direct conversation. */
    public ReadOnlyStringProperty topicProperty() {
        return topic;
    }

    /** False once this user left the room (the host closed it); a direct conversation is always open. */
    public ReadOnlyBooleanProperty joinedProperty() {
        return joined;
    }

    /** The room's members, or the other person of a direct conversation. */
    public ObservableList<String> members() {
        return members;
    }

    void markRead() {
        unread.set(0);
        mentions.set(0);
    }

    void addUnread(int messages, int mentioned) {
        unread.set(unread.get() + messages);
        mentions.set(mentions.get() + mentioned);
    }

    void append(List<ChatEntry> batch) {
        lines.append(batch);
    }

    void update(String newTopic, List<String> newMembers) {
        topic.set(newTopic == null ? "" : newTopic);
        if (isRoom() && !members.equals(newMembers)) {
            members.setAll(newMembers);
        }
    }

    void setJoined(boolean in) {
        joined.set(in);
    }

    @Override
    public String toString() {
        return label();
    }
}
