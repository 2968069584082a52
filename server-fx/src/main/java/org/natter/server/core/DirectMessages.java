package org.natter.server.core;

import java.time.Instant;
import org.natter.common.model.ChatMessage;
import org.natter.common.model.ServerEvent;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.Message;
import org.natter.server.core.room.Outbox;

/** Direct messages between two users: stored, then delivered to the two of them only. Sequencer only. */
final class DirectMessages {

    private final SessionRegistry registry;
    private final Outbox outbox;
    private final MessageStore store;
    private final ServerEvents events;

    DirectMessages(SessionRegistry registry, Outbox outbox, MessageStore store, ServerEvents events) {
        this.registry = registry;
        this.outbox = outbox;
        this.store = store;
        this.events = events;
    }

    /**
     * A direct message: to the recipient and the sender's own copy, nobody else. The operator learns that it
     * was sent, not what it said.
     */
    void say(Session sender, String to, String text, String requestId) {
        Session recipient = registry.user(to);
        if (recipient == null) {
            registry.refuse(sender, new ErrorReply(requestId, ErrorCode.NO_SUCH_USER, "Nobody called " + to + " is logged in."));
            return;
        }
        if (!recipient.speaksRooms()) {
            registry.refuse(sender, new ErrorReply(requestId, ErrorCode.UNSUPPORTED,
                    recipient.name() + " uses an older app that cannot receive direct messages."));
            return;
        }
        Instant now = SessionRegistry.now();
        long id = registry.nextMessageId();
        if (!store.append(new ChatMessage(id, sender.name(), text, now, null, recipient.name()))) {
            registry.refuseBusy(sender, requestId);
            return;
        }
        sender.countMessage();
        outbox.afterCommit(id, () -> {
            if (recipient != sender) {
                recipient.sendInOrder(new Message(id, sender.name(), text, now, null, null, recipient.name()));
            }
            sender.sendInOrder(new Message(id, sender.name(), text, now, requestId, null, recipient.name()));
            events.publish(new ServerEvent.MessageSent(now, sender.asUser(),
                    new ChatMessage(id, sender.name(), "", now, null, recipient.name())));
        });
    }
}
