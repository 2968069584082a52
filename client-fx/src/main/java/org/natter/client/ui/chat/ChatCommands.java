package org.natter.client.ui.chat;

import java.util.concurrent.CompletableFuture;
import org.natter.client.net.ChatConnection;

/** What the chat window asks of the connection; a seam so the view model can be tested without a server. */
public interface ChatCommands {

    /** Sends a message; completes when the server has accepted it. */
    CompletableFuture<?> send(String text);

    /** Logs out and closes the connection; completes when it is closed. */
    CompletableFuture<?> leave();

    /** While reconnecting, tries now instead of after the backoff. */
    default void retryNow() {
    }

    static ChatCommands of(ChatConnection connection) {
        return new ChatCommands() {
            @Override
            public CompletableFuture<?> send(String text) {
                return connection.send(text);
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
