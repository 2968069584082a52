package org.natter.client.net;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.natter.client.net.ConnectionFailure.Kind;
import org.natter.common.protocol.ClientFrame;
import org.natter.common.protocol.History;
import org.natter.common.protocol.HistoryRequest;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.Names;
import org.natter.common.protocol.ProtocolLimits;
import org.natter.common.protocol.Search;
import org.natter.common.protocol.SearchResults;
import org.natter.common.protocol.ServerFrame;

/**
 * The server's history of the conversations this user may read, for scrollback and search: {@link #page} and
 * {@link #search}. Reached through {@link ChatConnection#history()}. (Catching up after a reconnection needs none of
 * this: the connection does it by itself, see {@link ClientListener#onCaughtUp}.)
 *
 * <p>Each request needs a logged-in connection (NOT_LOGGED_IN otherwise) and fails with a {@link ConnectionFailure}
 * of kind REFUSED and the server's code when the server says no: NOT_IN_ROOM (a room this user is not in),
 * NO_SUCH_ROOM, UNAVAILABLE (the server could not read its history just now). A bad argument fails with
 * {@link IllegalArgumentException} before anything is sent.
 *
 * <p><b>Threads:</b> any thread; the futures complete on the connection's reader thread (or the caller's, when
 * refused here).
 */
public final class ChatHistory {

    private final ConnectionLifecycle lifecycle;
    private final MessageLedger ledger;
    private final ConnectionSettings settings;

    ChatHistory(ConnectionLifecycle lifecycle, MessageLedger ledger, ConnectionSettings settings) {
        this.lifecycle = lifecycle;
        this.ledger = ledger;
        this.settings = settings;
    }

    /**
     * A page of a conversation, oldest first: with {@code before} (a message id, exclusive) the newest
     * {@code limit} older than it, for scrolling back; with {@code after} the oldest {@code limit} newer than it;
     * with neither the newest {@code limit}. {@link History#complete()} is true when nothing more exists in that
     * direction.
     *
     * @param before a message id, or {@code null}
     * @param after  a message id, or {@code null}
     * @param limit  1 to {@value ProtocolLimits#MAX_HISTORY_PAGE}, or {@code null} for
     *               {@value ProtocolLimits#DEFAULT_HISTORY_PAGE}
     */
    public CompletableFuture<History> page(Conversation conversation, Long before, Long after, Integer limit) {
        Objects.requireNonNull(conversation, "conversation");
        Optional<String> problem = problem(conversation)
                .or(() -> before != null && before < 1 || after != null && after < 1
                        ? Optional.of("A message id is 1 or more.") : Optional.empty())
                .or(() -> limitProblem(limit, ProtocolLimits.MAX_HISTORY_PAGE));
        if (problem.isPresent()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(problem.get()));
        }
        return request(id -> new HistoryRequest(id, conversation.room(), conversation.with(),
                before, after, limit), History.class);
    }

    /**
     * The messages that contain the words of {@code text}, newest first: in {@code only} (a room this user is in,
     * or the conversation with one person), or with {@code only} null in every room this user is in and every
     * direct conversation it has had.
     *
     * @param text  1 to {@value ProtocolLimits#MAX_SEARCH_LENGTH} characters, not blank
     * @param limit 1 to {@value ProtocolLimits#MAX_SEARCH_RESULTS}, or {@code null} for
     *              {@value ProtocolLimits#DEFAULT_SEARCH_RESULTS}
     */
    public CompletableFuture<List<Message>> search(String text, Conversation only, Integer limit) {
        String words = text == null ? "" : text.strip();
        Optional<String> problem = (words.isEmpty() || words.codePointCount(0, words.length()) > ProtocolLimits.MAX_SEARCH_LENGTH
                ? Optional.of("Search for 1 to " + ProtocolLimits.MAX_SEARCH_LENGTH + " characters.") : Optional.<String>empty())
                .or(() -> only == null ? Optional.empty() : problem(only))
                .or(() -> limitProblem(limit, ProtocolLimits.MAX_SEARCH_RESULTS));
        if (problem.isPresent()) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(problem.get()));
        }
        return request(id -> new Search(id, words, only == null ? null : only.room(),
                only == null ? null : only.with(), limit), SearchResults.class).thenApply(SearchResults::messages);
    }

    /** The id of the last message the listeners got in this conversation, 0 for none; where live messages go on. */
    public long lastDelivered(Conversation conversation) {
        return ledger.lastDelivered(Objects.requireNonNull(conversation, "conversation"));
    }

    private <T extends ServerFrame> CompletableFuture<T> request(Function<String, ClientFrame> frame, Class<T> type) {
        Link current = lifecycle.loggedInLink();
        if (current == null) {
            return CompletableFuture.failedFuture(new ConnectionFailure(Kind.NOT_LOGGED_IN, "Not logged in."));
        }
        return Replies.expect(current.request(frame), type, settings.replyTimeout());
    }

    private static Optional<String> problem(Conversation conversation) {
        return conversation.isDirect() ? Names.problem(conversation.with()) : Names.roomProblem(conversation.room());
    }

    private static Optional<String> limitProblem(Integer limit, int max) {
        return limit != null && (limit < 1 || limit > max)
                ? Optional.of("The limit must be 1 to " + max + ".") : Optional.empty();
    }
}
