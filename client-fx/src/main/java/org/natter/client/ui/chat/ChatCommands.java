package org.natter.client.ui.chat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.natter.client.net.ChatConnection;
import org.natter.client.net.Conversation;
import org.natter.common.protocol.History;
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
