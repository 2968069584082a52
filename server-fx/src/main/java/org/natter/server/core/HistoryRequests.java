package org.natter.server.core;

import java.util.List;
import org.natter.common.model.ChatMessage;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.History;
import org.natter.common.protocol.HistoryRequest;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.Names;
import org.natter.common.protocol.ProtocolLimits;
import org.natter.common.protocol.Search;
import org.natter.common.protocol.SearchResults;
import org.natter.server.core.MessageStore.Conversation;
import org.natter.server.core.room.Room;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code history} and {@code search} requests: checked on the sequencer (who may read what), answered when the
 * store's reader has the rows, back on the sequencer. No one reads a room they are not in, or another pair's
 * direct messages.
 */
final class HistoryRequests {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryRequests.class);

    private final SessionRegistry registry;

    HistoryRequests(SessionRegistry registry) {
        this.registry = registry;
    }

    /** Sequencer only. */
    void history(Session session, HistoryRequest request) {
        Conversation conversation = conversation(session, request.room(), request.with(), request.id());
        Integer limit = limit(session, request.limit(), ProtocolLimits.DEFAULT_HISTORY_PAGE,
                ProtocolLimits.MAX_HISTORY_PAGE, request.id());
        if (conversation == null || limit == null) {
            return;
        }
        long before = request.before() == null ? 0 : request.before();
        long after = request.after() == null ? 0 : request.after();
        registry.store().page(conversation, before, after, limit).whenComplete((page, failure) ->
                registry.inSequence(() -> {
                    if (failure != null) {
                        unavailable(session, request.id(), failure);
                        return;
                    }
                    session.sendInOrder(new History(request.id(), conversation.room(), conversation.with(),
                            frames(page.messages()), page.complete()));
                }));
    }

    /** Sequencer only. */
    void search(Session session, Search request) {
        String text = request.text() == null ? "" : request.text().strip();
        if (text.isEmpty() || text.codePointCount(0, text.length()) > ProtocolLimits.MAX_SEARCH_LENGTH) {
            registry.refuse(session, new ErrorReply(request.id(), ErrorCode.INVALID_TEXT,
                    "Search for 1 to " + ProtocolLimits.MAX_SEARCH_LENGTH + " characters."));
            return;
        }
        Conversation only = null;
        if (request.room() != null || request.with() != null) {
            only = conversation(session, request.room(), request.with(), request.id());
            if (only == null) {
                return;
            }
        }
        Integer limit = limit(session, request.limit(), ProtocolLimits.DEFAULT_SEARCH_RESULTS,
                ProtocolLimits.MAX_SEARCH_RESULTS, request.id());
        if (limit == null) {
            return;
        }
        List<String> rooms = session.rooms().stream().map(Room::name).toList();
        registry.store().search(session.name(), rooms, text, only, limit).whenComplete((found, failure) ->
                registry.inSequence(() -> {
                    if (failure != null) {
                        unavailable(session, request.id(), failure);
                        return;
                    }
                    session.sendInOrder(new SearchResults(request.id(), frames(found)));
                }));
    }

    /** The room (default general) or direct conversation asked for, or null after refusing the request. */
    private Conversation conversation(Session session, String roomName, String with, String requestId) {
        if (roomName != null && with != null) {
            registry.refuse(session, new ErrorReply(requestId, ErrorCode.BAD_JSON,
                    "Ask for a room or for a person (\"with\"), not both."));
            return null;
        }
        if (with != null) {
            String problem = Names.problem(with).orElse(null);
            if (problem != null) {
                registry.refuse(session, new ErrorReply(requestId, ErrorCode.INVALID_NAME, problem));
                return null;
            }
            Session other = registry.user(with);
            return Conversation.direct(session.name(), other != null ? other.name() : Names.normalize(with));
        }
        String name = roomName == null ? ProtocolLimits.GENERAL_ROOM : roomName;
        Room room = registry.rooms().find(name);
        if (room == null) {
            registry.refuse(session, new ErrorReply(requestId, ErrorCode.NO_SUCH_ROOM, "There is no room #" + name + "."));
            return null;
        }
        if (!room.contains(session)) {
            registry.refuse(session, new ErrorReply(requestId, ErrorCode.NOT_IN_ROOM,
                    "You are not in #" + room.name() + ". Join it to read its history."));
            return null;
        }
        return Conversation.room(room.name());
    }

    private Integer limit(Session session, Integer asked, int byDefault, int max, String requestId) {
        if (asked == null) {
            return byDefault;
        }
        if (asked < 1 || asked > max) {
            registry.refuse(session, new ErrorReply(requestId, ErrorCode.BAD_JSON, "The limit must be 1 to " + max + "."));
            return null;
        }
        return asked;
    }

    private void unavailable(Session session, String requestId, Throwable failure) {
        LOG.warn("Reading history failed", failure);
        registry.refuse(session, new ErrorReply(requestId, ErrorCode.UNAVAILABLE,
                "The server could not read its history just now. Try again in a moment."));
    }

    private static List<Message> frames(List<ChatMessage> messages) {
        return messages.stream().map(RoomRules::toFrame).toList();
    }
}
