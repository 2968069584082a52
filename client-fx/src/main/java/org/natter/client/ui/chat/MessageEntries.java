package org.natter.client.ui.chat;

import java.time.Instant;
import org.natter.client.net.Conversation;
import org.natter.client.ui.rooms.ConversationKey;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.Names;

/** Turns the protocol's messages into lines of the pane, for the live stream, the replay and older pages alike. */
final class MessageEntries {

    private MessageEntries() {
    }

    /** This user's own message: its copy carries {@code re}, or it comes back from history under this user's name. */
    static boolean own(Message message, String nameKey) {
        return message.re() != null || Names.key(message.from()).equals(nameKey);
    }

    static ChatEntry entry(Message message, String nameKey, Mentions mentions) {
        boolean own = own(message, nameKey);
        return ChatEntry.message(own ? ChatEntry.Kind.OWN : ChatEntry.Kind.OTHER, message.from(), message.text(),
                message.ts() == null ? Instant.now() : message.ts(), !own && mentions.in(message.text()), message.id());
    }

    static ConversationKey key(Conversation conversation) {
        return conversation.isDirect() ? ConversationKey.direct(conversation.with())
                : ConversationKey.room(conversation.room());
    }

    static Conversation conversation(ConversationKey key) {
        return key.isRoom() ? Conversation.room(key.name()) : Conversation.direct(key.name());
    }
}
