package org.natter.client.ui.chat;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.natter.client.net.ConnectionState;
import org.natter.client.net.DisconnectReason;
import org.natter.client.ui.I18n;
import org.natter.common.protocol.Texts;

/**
 * The chat window's state and commands, on the FX thread. What the connection reports comes in through its
 * {@link #feed()} (register that with the connection), which batches it over from the connection's event thread;
 * the unread count and mention notifications are kept by an {@link UnreadTracker}.
 *
 * <p><b>Threads:</b> every property, list and command belongs to the FX thread (the thread behind the injected
 * executor: {@code Platform::runLater} in the app, a direct executor in tests). Command results come back to it
 * through {@code whenCompleteAsync(..., executor)}.
 */
public final class ChatViewModel {

    public static final int DEFAULT_MAX_ENTRIES = 2_000;

    private final ChatCommands commands;
    private final Executor ui;
    private final int maxEntries;
    private final ObservableList<ChatEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<String> users = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ConnectionState> state = new ReadOnlyObjectWrapper<>(ConnectionState.CONNECTING);
    private final ReadOnlyStringWrapper myName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper server = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reconnectDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper leaving = new ReadOnlyBooleanWrapper();
    private final StringProperty draft = new SimpleStringProperty("");
    private final UnreadTracker unread = new UnreadTracker();
    private final StringBinding inputProblem;
    private final BooleanBinding loggedIn;
    private final BooleanBinding canSend;
    private final StringBinding title;
    private final ChatFeed feed;
    private Consumer<String> onKicked = reason -> { };
    private Consumer<String> onEnded = why -> { };
    private Runnable onLeft = () -> { };

    public ChatViewModel(ChatCommands commands, Executor uiExecutor, String serverLabel, int maxEntries) {
        this.commands = Objects.requireNonNull(commands, "commands");
        this.ui = Objects.requireNonNull(uiExecutor, "uiExecutor");
        this.maxEntries = maxEntries;
        server.set(serverLabel);
        loggedIn = state.isEqualTo(ConnectionState.LOGGED_IN);
        inputProblem = Bindings.createStringBinding(
                () -> draft.get() == null || draft.get().isBlank() ? "" : Texts.problem(draft.get()).orElse(""), draft);
        canSend = loggedIn.and(draft.isNotEmpty()).and(inputProblem.isEmpty())
                .and(Bindings.createBooleanBinding(() -> !draft.get().isBlank(), draft));
        ReadOnlyIntegerProperty unreadCount = unread.unreadProperty();
        BooleanProperty focused = unread.windowFocusedProperty();
        title = Bindings.createStringBinding(() -> unreadCount.get() > 0 && !focused.get()
                        ? I18n.text("app.title.chat.unread", myName.get(), server.get(), unreadCount.get())
                        : I18n.text("app.title.chat", myName.get(), server.get()),
                myName, server, unreadCount, focused);
        feed = new ChatFeed(this, uiExecutor);
    }

    /** The listener to add to the connection; it runs on the connection's event thread. */
    public ChatFeed feed() {
        return feed;
    }

    // ---- state for the view (UI thread) ----

    public ObservableList<ChatEntry> entries() {
        return entries;
    }

    /** Logged-in names, sorted ignoring case. */
    public ObservableList<String> users() {
        return users;
    }

    public ReadOnlyIntegerProperty userCountProperty() {
        ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper();
        count.bind(Bindings.size(users));
        return count.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public BooleanBinding loggedInBinding() {
        return loggedIn;
    }

    public BooleanBinding reconnectingBinding() {
        return state.isEqualTo(ConnectionState.RECONNECTING);
    }

    public ReadOnlyStringProperty reconnectDetailProperty() {
        return reconnectDetail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty myNameProperty() {
        return myName.getReadOnlyProperty();
    }

    public StringProperty draftProperty() {
        return draft;
    }

    /** Why the draft cannot be sent (too long, control characters), or empty. */
    public StringBinding inputProblemBinding() {
        return inputProblem;
    }

    public BooleanBinding canSendBinding() {
        return canSend;
    }

    public ReadOnlyBooleanProperty leavingProperty() {
        return leaving.getReadOnlyProperty();
    }

    public BooleanProperty windowFocusedProperty() {
        return unread.windowFocusedProperty();
    }

    public ReadOnlyIntegerProperty unreadProperty() {
        return unread.unreadProperty();
    }

    /** "Natter — NAME @ host:port", with the unread count in front while the window is not focused. */
    public StringBinding titleBinding() {
        return title;
    }

    public void setOnKicked(Consumer<String> handler) {
        onKicked = Objects.requireNonNull(handler);
    }

    /** The session ended on its own (name taken on reconnection, reconnection gave up); the argument says why. */
    public void setOnEnded(Consumer<String> handler) {
        onEnded = Objects.requireNonNull(handler);
    }

    public void setOnMentionWhileAway(Consumer<ChatEntry> handler) {
        unread.setOnMentionWhileAway(handler);
    }

    public void setOnLeft(Runnable handler) {
        onLeft = Objects.requireNonNull(handler);
    }

    // ---- commands (UI thread) ----

    /** Sends the draft; on failure the reason shows in the list and the text comes back if the field is empty. */
    public void send() {
        if (!canSend.get()) {
            return;
        }
        String text = draft.get();
        draft.set("");
        commands.send(text).whenCompleteAsync((sent, failure) -> {
            if (failure != null) {
                String why = rootCause(failure).getMessage();
                append(List.of(ChatEntry.event(ChatEntry.Kind.WARNING, "", I18n.text("event.sendFailed", why), null)));
                if (draft.get().isEmpty()) {
                    draft.set(text);
                }
            }
        }, ui);
    }

    /** Logs out and closes the connection, then calls the on-left handler. */
    public void leave() {
        if (leaving.get()) {
            return;
        }
        leaving.set(true);
        commands.leave().whenCompleteAsync((done, failure) -> onLeft.run(), ui);
    }

    // ---- from the feed (FX thread) ----

    void showState(ConnectionState newState) {
        state.set(newState);
    }

    void showUsers(List<String> names) {
        users.setAll(names);
    }

    void loggedInAs(String name) {
        myName.set(name);
        reconnectDetail.set("");
    }

    void showReconnectDetail(String detail) {
        reconnectDetail.set(detail);
    }

    void kicked(String reason) {
        onKicked.accept(reason);
    }

    void sessionEnded(DisconnectReason reason, String detail) {
        if (reason != DisconnectReason.QUIT) {
            // The server ended the session (kick, name taken, gave up): release the connection's threads too.
            commands.leave();
        }
        if (reason == DisconnectReason.NAME_TAKEN) {
            onEnded.accept(I18n.text("event.nameTaken", myName.get()));
        } else if (reason == DisconnectReason.LOST && !leaving.get()) {
            onEnded.accept(I18n.text("event.gaveUp", detail));
        }
    }

    /** Adds a batch of lines, keeping the newest {@code maxEntries}. */
    void append(List<ChatEntry> batch) {
        if (batch.size() >= maxEntries) {
            // A burst bigger than the whole pane: only its newest lines would survive the cap anyway.
            entries.setAll(batch.subList(batch.size() - maxEntries, batch.size()));
        } else {
            int excess = entries.size() + batch.size() - maxEntries;
            if (excess > 0) {
                entries.remove(0, excess);
            }
            entries.addAll(batch);
        }
        unread.count(batch);
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause
                && (cause instanceof CompletionException || cause instanceof ExecutionException)) {
            cause = cause.getCause();
        }
        return cause;
    }
}
