package org.natter.client.ui.chat;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.natter.client.net.ConnectionFailure;
import org.natter.client.ui.I18n;
import org.natter.client.ui.rooms.ConversationListViewModel;
import org.natter.client.ui.rooms.ConversationViewModel;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.ProtocolLimits;

/**
 * Searching the open conversation (Ctrl+F): the words, the server's results (newest first) and a sentence that says
 * how it went; {@link #show} brings a found message into the message pane, loading the history down to it when it is
 * older than every line shown. Another conversation opened clears the results, which belong to the one before.
 *
 * <p><b>Threads:</b> the FX thread; answers come back to it through the injected executor.
 */
public final class SearchViewModel {

    private final ChatCommands commands;
    private final ConversationListViewModel conversations;
    private final Scrollback scrollback;
    private final Executor ui;
    private final BooleanProperty open = new SimpleBooleanProperty(this, "open");
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ObservableList<Message> results = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper scope = new ReadOnlyStringWrapper(this, "scope", "");
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
    private Consumer<ChatEntry> onReveal = entry -> { };
    private ConversationViewModel searched;

    SearchViewModel(ChatCommands commands, ConversationListViewModel conversations, Scrollback scrollback, Executor ui) {
        this.commands = Objects.requireNonNull(commands, "commands");
        this.conversations = Objects.requireNonNull(conversations, "conversations");
        this.scrollback = Objects.requireNonNull(scrollback, "scrollback");
        this.ui = Objects.requireNonNull(ui, "ui");
        conversations.selectedProperty().addListener((obs, old, now) -> conversationChanged(now));
        conversationChanged(conversations.current());
    }

    public BooleanProperty openProperty() {
        return open;
    }

    public StringProperty queryProperty() {
        return query;
    }

    /** The messages found, newest first. */
    public ObservableList<Message> results() {
        return results;
    }

    /** How the search went, as a sentence ("3 messages found ..."), or empty before the first one. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What is searched: "#maths" or the other person's name. */
    public ReadOnlyStringProperty scopeProperty() {
        return scope.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** Gets each found message's line once it is in the pane, to scroll to and select. */
    public void setOnReveal(Consumer<ChatEntry> handler) {
        onReveal = Objects.requireNonNull(handler);
    }

    public void open() {
        open.set(true);
    }

    public void close() {
        open.set(false);
    }

    /** Asks the server for the open conversation's messages with the words typed. */
    public void search() {
        String words = query.get() == null ? "" : query.get().strip();
        ConversationViewModel conversation = conversations.current();
        if (words.isEmpty() || conversation == null) {
            status.set(I18n.text("search.empty"));
            return;
        }
        if (words.codePointCount(0, words.length()) > ProtocolLimits.MAX_SEARCH_LENGTH) {
            status.set(I18n.text("search.tooLong", ProtocolLimits.MAX_SEARCH_LENGTH));
            return;
        }
        searched = conversation;
        searching.set(true);
        status.set(I18n.text("search.searching"));
        commands.search(words, MessageEntries.conversation(conversation.key()), ProtocolLimits.MAX_SEARCH_RESULTS)
                .whenCompleteAsync((found, failure) -> answered(conversation, words, found, failure), ui);
    }

    /** Brings a found message into the message pane and hands its line to the reveal handler. */
    public void show(Message hit) {
        ConversationViewModel conversation = conversations.current();
        if (hit == null || conversation == null || conversation != searched) {
            return;
        }
        scrollback.reach(conversation, hit.id()).whenCompleteAsync((line, failure) -> {
            if (failure != null) {
                status.set(I18n.text("search.loadFailed", reason(failure)));
            } else if (line.isPresent()) {
                onReveal.accept(line.get());
            } else {
                status.set(I18n.text("search.tooFarBack"));
            }
        }, ui);
    }

    private void answered(ConversationViewModel conversation, String words, List<Message> found, Throwable failure) {
        if (conversation != searched) {
            return;
        }
        searching.set(false);
        if (failure != null) {
            results.clear();
            status.set(I18n.text("search.failed", reason(failure)));
            return;
        }
        results.setAll(found);
        status.set(found.isEmpty() ? I18n.text("search.none", words, conversation.label())
                : found.size() == 1 ? I18n.text("search.found.one") : I18n.text("search.found", found.size()));
    }

    private void conversationChanged(ConversationViewModel now) {
        searched = null;
        searching.set(false);
        results.clear();
        status.set("");
        scope.set(now == null ? "" : now.label());
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof ConnectionFailure connection && (connection.kind() == ConnectionFailure.Kind.NOT_LOGGED_IN
                || connection.kind() == ConnectionFailure.Kind.LOST || connection.kind() == ConnectionFailure.Kind.CLOSED)) {
            return I18n.text("search.offline");
        }
        return SendFailures.reason(cause);
    }
}
