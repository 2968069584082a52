package org.natter.server.core;

import org.natter.common.model.ChatMessage;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.Names;
import org.natter.common.protocol.ProtocolLimits;
import org.natter.common.protocol.Texts;

/** The small rules and conversions rooms share: topics, the "no such room" answer, stored messages as frames. */
final class RoomRules {

    private RoomRules() {
    }

    /** Why a topic cannot be used, or null; an empty topic clears it and is fine. */
    static String topicProblem(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return Texts.problem(text, ProtocolLimits.MAX_TOPIC_LENGTH)
                .map(p -> p.replace("message", "topic")).orElse(null);
    }

    /** Why a new room of this name is refused when its name looks like an existing room's. */
    static String lookalikeProblem(String name, String existing) {
        return "The room name #" + Names.normalize(name) + " looks like #" + existing
                + ", which already exists. Join #" + existing + " or choose another name.";
    }

    static ErrorReply noSuchRoom(String name, String requestId) {
        return new ErrorReply(requestId, ErrorCode.NO_SUCH_ROOM, "There is no room #" + Names.normalize(name) + ".");
    }

    /** A stored message as the frame that delivers it (without {@code re}). */
    static Message toFrame(ChatMessage m) {
        return new Message(m.id(), m.from(), m.text(), m.ts(), null, m.room(), m.to());
    }
}
