package org.natter.client.ui.chat;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
import javafx.collections.transformation.FilteredList;
import org.natter.client.net.ConnectionFailure;
import org.natter.client.net.ConnectionState;
import org.natter.client.net.DisconnectReason;
import org.natter.client.ui.I18n;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.Texts;

/**
 * The chat window's state and commands, on the FX thread. What the connection reports comes in through its
 * {@link #feed()} (register that with the connection), which batches it over from the connection's event thread;
 * the lines are kept by {@link ChatLines}, the unread count and mention notifications by an {@link UnreadTracker}.
 *
 * <p><b>Threads:</b> every property, list and command belongs to the FX thread (the thread behind the injected
 * executor: {@code Platform::runLater} in the app, a direct executor in tests). Command results come back to it
 * through {@code whenCompleteAsync(..., executor)}.
 */
public final class ChatViewModel {

    public static final int DEFAULT_MAX_ENTRIES = 2_000;

    private final ChatCommands commands;
    private final Executor ui;
    private final ChatLines lines;
    private final Comparator<String> nameOrder = NameOrder.comparator();
    private final ObservableList<String> users = FXCollections.observableArrayList();
    private final FilteredList<String> shownUsers = new FilteredList<>(users);
    private final StringProperty userFilter = new SimpleStringProperty("");
    private final ReadOnlyIntegerWrapper userCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<ConnectionState> state = new ReadOnlyObjectWrapper<>(ConnectionState.CONNECTING);
    private final ReadOnlyBooleanWrapper removed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper myName = new ReadOnlyStringWrapper("");
    private final String address;
    private final ReadOnlyStringWrapper serverName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reconnectDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper leaving = new ReadOnlyBooleanWrapper();
    private final StringProperty draft = new SimpleStringProperty("");
    private final UnreadTracker unread = new UnreadTracker();
    private final NameCompletion completion = new NameCompletion();
    private final StringBinding inputProblem;
    private final BooleanBinding loggedIn;
    private final BooleanBinding canSend;
    private final StringBinding title;
    private final ChatFeed feed;
    private Consumer<String> onKicked = text -> { };
    private Consumer<String> onEnded = why -> { };
    private Runnable onLeft = () -> { };

    public ChatViewModel(ChatCommands commands, Executor uiExecutor, String serverLabel, int maxEntries) {
        this.commands = Objects.requireNonNull(commands, "commands");
        this.ui = Objects.requireNonNull(uiExecutor, "uiExecutor");
        this.address = serverLabel;
        lines = new ChatLines(maxEntries);
        userCount.bind(Bindings.size(users));
        shownUsers.predicateProperty().bind(userFilter.map(filter -> {
            String wanted = filter.strip().toLowerCase(Locale.ROOT);
            return name -> wanted.isEmpty() || name.toLowerCase(Locale.ROOT).contains(wanted);
        }));
        loggedIn = state.isEqualTo(ConnectionState.LOGGED_IN);
        inputProblem = Bindings.createStringBinding(
                () -> draft.get() == null || draft.get().isBlank() ? "" : Texts.problem(draft.get()).orElse(""), draft);
        canSend = loggedIn.and(draft.isNotEmpty()).and(inputProblem.isEmpty())
                .and(Bindings.createBooleanBinding(() -> !draft.get().isBlank(), draft));
        ReadOnlyIntegerProperty unreadCount = unread.unreadProperty();
        BooleanProperty focused = unread.windowFocusedProperty();
        title = Bindings.createStringBinding(() -> unreadCount.get() > 0 && !focused.get()
                        ? I18n.text("app.title.chat.unread", myName.get(), serverTitle(), unreadCount.get())
                        : I18n.text("app.title.chat", myName.get(), serverTitle()),
                myName, serverName, unreadCount, focused);
        feed = new ChatFeed(this, uiExecutor, serverLabel);
    }

    /** The listener to add to the connection; it runs on the connection's event thread. */
    public ChatFeed feed() {
        return feed;
    }

    // ---- state for the view (UI thread) ----

    /** Every line, joins and leaves included. */
    public ObservableList<ChatEntry> entries() {
        return lines.all();
    }

    /** The lines the pane shows: without join and leave lines while {@link #showJoinsAndLeavesProperty()} is off. */
    public ObservableList<ChatEntry> shownEntries() {
        return lines.shown();
    }

    public BooleanProperty showJoinsAndLeavesProperty() {
        return lines.showPresenceProperty();
    }

    /** Logged-in names in the user's locale's order ({@link NameOrder}). */
    public ObservableList<String> users() {
        return users;
    }

    /** The names that match {@link #userFilterProperty()}. */
    public ObservableList<String> shownUsers() {
        return shownUsers;
    }

    public StringProperty userFilterProperty() {
        return userFilter;
    }

    public ReadOnlyIntegerProperty userCountProperty() {
        return userCount.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public BooleanBinding loggedInBinding() {
        return loggedIn;
    }

    public BooleanBinding reconnectingBinding() {
        return state.isEqualTo(ConnectionState.RECONNECTING).and(removed.not());
    }

    /** The host removed this user; the session is over. */
    public ReadOnlyBooleanProperty removedProperty() {
        return removed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reconnectDetailProperty() {
        return reconnectDetail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty myNameProperty() {
        return myName.getReadOnlyProperty();
    }

    /** The server's name from its welcome, or empty before it came. */
    public ReadOnlyStringProperty serverNameProperty() {
        return serverName.getReadOnlyProperty();
    }

    /** host:port as typed. */
    public String address() {
        return address;
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

    /** "Natter — NAME @ SERVER (host:port)", with the unread count in front while the window is not focused. */
    public StringBinding titleBinding() {
        return title;
    }

    /** Gets the sentence that says this user was removed, to show on the dialog and the login form. */
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

    /** Sends the draft. A refused message gets its own {@link ChatEntry.Kind#UNSENT} line; it never comes back into the draft. */
    public void send() {
        if (!canSend.get()) {
            return;
        }
        String text = draft.get();
        draft.set("");
        sendText(text);
    }

    /** Sends an unsent message again, in place of its line. */
    public void retry(ChatEntry unsent) {
        lines.remove(unsent);
        if (loggedIn.get()) {
            sendText(unsent.text());
        } else {
            lines.append(List.of(ChatEntry.unsent(myName.get(), unsent.text(), I18n.text("unsent.offline"))));
        }
    }

    /** Forgets an unsent message. */
    public void dismiss(ChatEntry unsent) {
        lines.remove(unsent);
    }

    /** While reconnecting: try now rather than after the wait. */
    public void retryNow() {
        commands.retryNow();
    }

    /** Puts "@NAME " into the draft at {@code caret}; returns where the caret goes. */
    public int mention(String name, int caret) {
        String text = draft.get();
        int at = Math.max(0, Math.min(caret, text.length()));
        String before = at > 0 && !Character.isWhitespace(text.charAt(at - 1)) ? " " : "";
        String insert = before + "@" + name + " ";
        draft.set(text.substring(0, at) + insert + text.substring(at));
        return at + insert.length();
    }

    /** Tab completion of the name before {@code caret}; returns the new caret, or -1 when nothing matched. */
    public int completeName(int caret) {
        return completion.complete(draft.get(), caret, users, myName.get())
                .map(result -> {
                    draft.set(result.text());
                    return result.caret();
                })
                .orElse(-1);
    }

    /** Logs out and closes the connection, then calls the on-left handler. */
    public void leave() {
        if (leaving.get()) {
            return;
        }
        leaving.set(true);
        commands.leave().whenCompleteAsync((done, failure) -> onLeft.run(), ui);
    }

    private void sendText(String text) {
        commands.send(text).whenCompleteAsync((sent, failure) -> {
            if (failure != null) {
                lines.append(List.of(ChatEntry.unsent(myName.get(), text, whyNotSent(rootCause(failure)))));
            }
        }, ui);
    }

    // ---- from the feed (FX thread) ----

    void showState(ConnectionState newState) {
        state.set(newState);
    }

    void showUsers(List<String> names) {
        if (!removed.get()) {
            users.setAll(names.stream().sorted(nameOrder).toList());
        }
    }

    void welcomedBy(String name) {
        serverName.set(name == null ? "" : name.strip());
    }

    void loggedInAs(String name) {
        myName.set(name);
        reconnectDetail.set("");
    }

    void showReconnectDetail(String detail) {
        reconnectDetail.set(detail);
    }

    void kicked(String reason) {
        String server = serverName.get().isEmpty() ? address : serverName.get();
        String text = reason.isBlank() ? I18n.text("kicked.noReason", server) : I18n.text("kicked.reason", server, reason);
        removed.set(true);
        users.clear();
        reconnectDetail.set("");
        lines.append(List.of(ChatEntry.event(ChatEntry.Kind.WARNING, "", text, null)));
        onKicked.accept(text);
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
        lines.append(batch);
        unread.count(batch);
    }

    private String serverTitle() {
        return serverName.get().isEmpty() ? address : I18n.text("app.title.server", serverName.get(), address);
    }

    private static String whyNotSent(Throwable failure) {
        if (failure instanceof ConnectionFailure refused && refused.code() == ErrorCode.RATE_LIMITED) {
            return I18n.text("unsent.rateLimited");
        }
        if (failure instanceof ConnectionFailure lost && (lost.kind() == ConnectionFailure.Kind.LOST
                || lost.kind() == ConnectionFailure.Kind.NOT_LOGGED_IN || lost.kind() == ConnectionFailure.Kind.CLOSED)) {
            return I18n.text("unsent.offline");
        }
        if (failure instanceof ConnectionFailure timeout && timeout.kind() == ConnectionFailure.Kind.TIMEOUT) {
            return I18n.text("unsent.timeout");
        }
        String why = failure.getMessage() == null ? "" : failure.getMessage();
        return I18n.text("unsent.other", why);
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
