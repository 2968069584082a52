package org.natter.client.ui.chat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.natter.client.net.ChatConnection;
import org.natter.client.net.Conversation;
import org.natter.common.protocol.History;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.RoomState;
import org.natter.common.protocol.RoomSummary;

/**
 * What the chat window asks of the connection; a seam so the view models can be tested without a server. Every
 * future completes on a connection thread; callers hop back to the FX thread themselves.
 */
public interface ChatCommands {

    /** Sends a message to a room this user is in; completes when the server has accepted it. */
    CompletableFuture<?> say(String room, String text);

    /** Sends a direct message to one person. */
    CompletableFuture<?> sayTo(String user, String text);

    /** Enters (or creates) a room; completes with the room as the server answered. */
    CompletableFuture<RoomState> join(String room);

    CompletableFuture<?> part(String room);

    /** Every room of the server, with member counts. */
    CompletableFuture<List<RoomSummary>> listRooms();

    CompletableFuture<?> setTopic(String room, String text);

    /** Logs out and closes the connection; completes when it is closed. */
    CompletableFuture<?> leave();

    /** A page of a conversation's history, oldest first: the newest {@code limit} older than {@code before}. */
    default CompletableFuture<History> page(Conversation conversation, Long before, int limit) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("No history here."));
    }

    /**
     * The messages between two ids (both exclusive, either may be {@code null}), oldest first: the oldest
     * {@code limit} above {@code after} and below {@code before}, to fill the gap down to a message found by a search.
     */
    default CompletableFuture<History> pageBetween(Conversation conversation, Long before, Long after, int limit) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("No history here."));
    }

    /** The messages of one conversation that contain the words of {@code text}, newest first. */
    default CompletableFuture<List<Message>> search(String text, Conversation only, int limit) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("No search here."));
    }

    /** While reconnecting, tries now instead of after the backoff. */
    default void retryNow() {
    }

    static ChatCommands of(ChatConnection connection) {
        return new ChatCommands() {
            @Override
            public CompletableFuture<?> say(String room, String text) {
                return connection.say(room, text);
            }

            @Override
            public CompletableFuture<?> sayTo(String user, String text) {
                return connection.sayTo(user, text);
            }

            @Override
            public CompletableFuture<RoomState> join(String room) {
                return connection.join(room);
            }

            @Override
            public CompletableFuture<?> part(String room) {
                return connection.part(room);
            }

            @Override
            public CompletableFuture<List<RoomSummary>> listRooms() {
                return connection.listRooms();
            }

            @Override
            public CompletableFuture<?> setTopic(String room, String text) {
                return connection.setTopic(room, text);
            }

            @Override
            public CompletableFuture<History> page(Conversation conversation, Long before, int limit) {
                return connection.history().page(conversation, before, null, limit);
            }

            @Override
            public CompletableFuture<History> pageBetween(Conversation conversation, Long before, Long after, int limit) {
                return connection.history().page(conversation, before, after, limit);
            }

            @Override
            public CompletableFuture<List<Message>> search(String text, Conversation only, int limit) {
                return connection.history().search(text, only, limit);
            }

            @Override
            public void retryNow() {
                connection.retryNow();
            }

            @Override
            public CompletableFuture<?> leave() {
                // A logout tells the others "logged out" rather than "quit"; then the connection is closed.
                return connection.logout()
                        .handle((ok, failure) -> null)
                        .thenCompose(ignored -> connection.closeInBackground());
            }
        };
    }
}
