package org.natter.client.net;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.natter.client.net.ConnectionFailure.Kind;
import org.natter.common.protocol.ClientFrame;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.Join;
import org.natter.common.protocol.ListRooms;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.Names;
import org.natter.common.protocol.Part;
import org.natter.common.protocol.Parted;
import org.natter.common.protocol.ProtocolLimits;
import org.natter.common.protocol.RoomList;
import org.natter.common.protocol.RoomState;
import org.natter.common.protocol.RoomSummary;
import org.natter.common.protocol.Say;
import org.natter.common.protocol.ServerFrame;
import org.natter.common.protocol.SetTopic;
import org.natter.common.protocol.Texts;
import org.natter.common.protocol.TopicChanged;

/**
 * The requests of a logged-in user, for the {@link ChatConnection} facade: messages to rooms and people, joining
 * and leaving rooms, topics, the room list. Each checks what it can before sending (a bad room name or text fails
 * with {@link IllegalArgumentException}), needs a logged-in connection ({@link Kind#NOT_LOGGED_IN} otherwise) and
 * fails with a {@link ConnectionFailure} of kind REFUSED and the server's {@link ErrorCode} when the server says no.
 *
 * <p><b>Threads:</b> any thread; the futures complete on the reader thread (or the caller's, when refused here).
 */
final class ChatRequests {

    private final ConnectionLifecycle lifecycle;
    private final OpenRooms rooms;
    private final TopicWaiters topics;
    private final ConnectionSettings settings;

    ChatRequests(ConnectionLifecycle lifecycle, OpenRooms rooms, TopicWaiters topics, ConnectionSettings settings) {
        this.lifecycle = lifecycle;
        this.rooms = rooms;
        this.topics = topics;
        this.settings = settings;
    }

    /** A message to {@code room}, or to {@code general} when {@code room} is null (as version 1 sends it). */
    CompletableFuture<Message> say(String room, String text) {
        Optional<String> problem = Texts.problem(text).or(() -> room == null ? Optional.empty() : Names.roomProblem(room));
        if (problem.isPresent()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(problem.get()));
        }
        return request(id -> new Say(id, text, room, null), Message.class);
    }

    CompletableFuture<Message> sayTo(String user, String text) {
        Optional<String> problem = Texts.problem(text).or(() -> Names.problem(user));
        if (problem.isPresent()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(problem.get()));
        }
        return request(id -> new Say(id, text, null, user), Message.class);
    }

    CompletableFuture<RoomState> join(String room) {
        Optional<String> problem = Names.roomProblem(room);
        if (problem.isPresent()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(problem.get()));
        }
        return request(id -> new Join(id, room), RoomState.class);
    }

    CompletableFuture<Parted> part(String room) {
        Optional<String> problem = Names.roomProblem(room);
        if (problem.isPresent()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(problem.get()));
        }
        return request(id -> new Part(id, room), Parted.class);
    }

    CompletableFuture<List<RoomSummary>> listRooms() {
        return request(ListRooms::new, RoomList.class).thenApply(RoomList::rooms);
    }

    /**
     * Only for a room this user is in: success is told by the {@code topic} frame the members get, which a
     * non-member would never see, so the request is refused here with NOT_IN_ROOM rather than left to time out.
     */
    CompletableFuture<TopicChanged> setTopic(String room, String text) {
        Optional<String> problem = Names.roomProblem(room).or(() -> text == null || text.isEmpty() ? Optional.empty()
                : Texts.problem(text, ProtocolLimits.MAX_TOPIC_LENGTH).map(p -> p.replace("message", "topic")));
        if (problem.isPresent()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(problem.get()));
        }
        Link current = lifecycle.loggedInLink();
        if (current == null) {
            return notLoggedIn();
        }
        if (!rooms.contains(room)) {
            return CompletableFuture.failedFuture(new ConnectionFailure(Kind.REFUSED, ErrorCode.NOT_IN_ROOM,
                    "You are not in #" + room + ".", null));
        }
        CompletableFuture<ServerFrame> answer = new CompletableFuture<>();
        // Waiting before the frame goes out, so that its topic frame always finds the request.
        topics.add(room, answer);
        CompletableFuture<ServerFrame> refusal = current.request(id -> new SetTopic(id, room, text));
        refusal.whenComplete((error, failure) -> {
            if (failure != null) {
                answer.completeExceptionally(failure);
            } else {
                answer.complete(error);
            }
        });
        // Done either way: the link stops waiting for an error.
        answer.whenComplete((reply, failure) -> refusal.complete(reply));
        return Replies.expect(answer, TopicChanged.class, settings.replyTimeout());
    }

    private <T extends ServerFrame> CompletableFuture<T> request(Function<String, ClientFrame> frame, Class<T> type) {
        Link current = lifecycle.loggedInLink();
        if (current == null) {
            return notLoggedIn();
        }
        return Replies.expect(current.request(frame), type, settings.replyTimeout());
    }

    private static <T> CompletableFuture<T> notLoggedIn() {
        return CompletableFuture.failedFuture(new ConnectionFailure(Kind.NOT_LOGGED_IN, "Not logged in."));
    }
}
