package org.natter.client.ui.chat;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import org.natter.client.net.ConnectionState;
import org.natter.client.net.DisconnectReason;
import org.natter.client.ui.I18n;
import org.natter.client.ui.rooms.CommandParser;
import org.natter.client.ui.rooms.CommandRunner;
import org.natter.client.ui.rooms.ConversationListViewModel;
import org.natter.client.ui.rooms.ConversationViewModel;
import org.natter.client.ui.rooms.Routed;
import org.natter.client.ui.InputProblems;

/**
 * The chat window's state and commands, on the FX thread. What the connection reports comes in through its
 * {@link #feed()} (register that with the connection), which batches it over from the connection's event thread;
 * the conversations (rooms and direct ones, each with its lines and unread counts) are kept by a
 * {@link ConversationListViewModel}, and what is typed is carried out by a {@link CommandRunner}.
 *
 * <p><b>Threads:</b> every property, list and command belongs to the FX thread (the thread behind the injected
 * executor: {@code Platform::runLater} in the app, a direct executor in tests). Command results come back to it
 * through {@code whenCompleteAsync(..., executor)}.
 */
public final class ChatViewModel {

    public static final int DEFAULT_MAX_ENTRIES = 2_000;

    private final ChatCommands commands;
    private final Executor ui;
    private final ConversationListViewModel conversations;
    private final CommandRunner runner;
    private final PeopleViewModel people;
    private final ReadOnlyObjectWrapper<ConnectionState> state = new ReadOnlyObjectWrapper<>(ConnectionState.CONNECTING);
    private final ReadOnlyBooleanWrapper removed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper myName = new ReadOnlyStringWrapper("");
    private final String address;
    private final ReadOnlyStringWrapper serverName = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper reconnectDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper leaving = new ReadOnlyBooleanWrapper();
    private final StringProperty draft = new SimpleStringProperty("");
    private final NameCompletion completion = new NameCompletion();
    private final StringBinding inputProblem;
    private final BooleanBinding loggedIn;
    private final BooleanBinding canSend;
    private final StringBinding title;
    private final ChatFeed feed;
    private final Scrollback scrollback;
    private final SearchViewModel search;
    private Consumer<String> onKicked = text -> { };
    private Consumer<String> onEnded = why -> { };
    private Runnable onLeft = () -> { };

    public ChatViewModel(ChatCommands commands, Executor uiExecutor, String serverLabel, int maxEntries) {
        this.commands = Objects.requireNonNull(commands, "commands");
        this.ui = Objects.requireNonNull(uiExecutor, "uiExecutor");
        this.address = serverLabel;
        conversations = new ConversationListViewModel(maxEntries);
        loggedIn = state.isEqualTo(ConnectionState.LOGGED_IN);
        runner = new CommandRunner(commands, conversations, uiExecutor, myName::get, loggedIn::get);
        people = new PeopleViewModel(conversations.members());
        inputProblem = Bindings.createStringBinding(
                () -> draft.get() == null || draft.get().isBlank() ? "" : InputProblems.message(draft.get()).orElse(""), draft);
        canSend = loggedIn.and(draft.isNotEmpty()).and(inputProblem.isEmpty())
                .and(Bindings.createBooleanBinding(() -> !draft.get().isBlank(), draft));
        ReadOnlyIntegerProperty unreadCount = conversations.totalUnreadProperty();
        title = Bindings.createStringBinding(() -> unreadCount.get() > 0
                        ? I18n.text("app.title.chat.unread", myName.get(), serverTitle(), unreadCount.get())
                        : I18n.text("app.title.chat", myName.get(), serverTitle()),
                myName, serverName, unreadCount);
        feed = new ChatFeed(this, uiExecutor, serverLabel);
        scrollback = new Scrollback(commands, conversations, uiExecutor, myName::get);
        search = new SearchViewModel(commands, conversations, scrollback, uiExecutor);
        new UnreadMarker(conversations);
    }

    /** The listener to add to the connection; it runs on the connection's event thread. */
    public ChatFeed feed() {
        return feed;
    }

    // ---- state for the view (UI thread) ----

    /** The rooms and direct conversations of the sidebar, and which one is open. */
    public ConversationListViewModel conversations() {
        return conversations;
    }

    /** The open conversation's lines, joins and leaves included. */
    public ObservableList<ChatEntry> entries() {
        return conversations.current().lines().all();
    }

    /** The lines the pane shows: without join and leave lines while {@link #showJoinsAndLeavesProperty()} is off. */
    public ObservableList<ChatEntry> shownEntries() {
        return conversations.current().lines().shown();
    }

    /** The shown lines of whichever conversation is open; changes when another one is selected. */
    public ObservableValue<ObservableList<ChatEntry>> shownEntriesValue() {
        return conversations.selectedProperty().map(conversation -> conversation.lines().shown());
    }

    public BooleanProperty showJoinsAndLeavesProperty() {
        return conversations.showPresenceProperty();
    }

    /** Searching the open conversation (Ctrl+F). */
    public SearchViewModel search() {
        return search;
    }

    /** Who is online, and the members of the open conversation. */
    public PeopleViewModel people() {
        return people;
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
        return conversations.windowFocusedProperty();
    }

    /** Unread messages in all conversations. */
    public ReadOnlyIntegerProperty unreadProperty() {
        return conversations.totalUnreadProperty();
    }

    /** "Natter — NAME @ SERVER (host:port)", with the number of unread messages in front when there are any. */
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

    /** A direct message or a mention arrived while the window was not focused. */
    public void setOnNotify(BiConsumer<ConversationViewModel, ChatEntry> handler) {
        conversations.setOnNotify(handler);
    }

    public void setOnLeft(Runnable handler) {
        onLeft = Objects.requireNonNull(handler);
    }

    // ---- commands (UI thread) ----

    /**
     * Sends the draft to the open conversation, or carries out the command it is ({@code /join}, {@code /msg} ...;
     * {@link CommandParser}). A refused message gets its own {@link ChatEntry.Kind#UNSENT} line; it never comes back
     * into the draft.
     */
    public void send() {
        if (!canSend.get()) {
            return;
        }
        String text = draft.get();
        draft.set("");
        runner.run(CommandParser.parse(text));
    }

    /** Joining, leaving and opening conversations, retrying unsent messages: what the sidebar and menus ask. */
    public CommandRunner rooms() {
        return runner;
    }

    /** The open conversation's older messages, above the oldest one shown (the list was scrolled to its top). */
    public void loadOlder() {
        scrollback.loadOlder();
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
        return completion.complete(draft.get(), caret, people.users(), myName.get())
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

    // ---- from the feed (FX thread) ----

    void showState(ConnectionState newState) {
        state.set(newState);
    }

    void showUsers(List<String> names) {
        people.showOnline(names);
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
        people.clear();
        conversations.clearMembers();
        reconnectDetail.set("");
        conversations.current().lines().append(List.of(ChatEntry.event(ChatEntry.Kind.WARNING, "", text, null)));
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
            // The detail is the network's own account in English (the attempts made, or a cause): not for the window.
            onEnded.accept(I18n.text("event.gaveUp"));
        }
    }

    /** Adds a batch of addressed lines, each conversation keeping its newest {@code maxEntries}. */
    void append(List<Routed> batch) {
        conversations.append(batch);
    }

    private String serverTitle() {
        return serverName.get().isEmpty() ? address : I18n.text("app.title.server", serverName.get(), address);
    }
}
