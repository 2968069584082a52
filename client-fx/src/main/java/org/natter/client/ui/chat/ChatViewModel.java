package org.natter.client.ui.chat;

import java.time.Duration;
import java.time.Instant;
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
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.natter.client.net.ClientListener;
import org.natter.client.net.ConnectionState;
import org.natter.client.net.DisconnectReason;
import org.natter.client.ui.I18n;
import org.natter.common.fx.FxBatcher;
import org.natter.common.fx.FxLatest;
import org.natter.common.protocol.Announcement;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.Joined;
import org.natter.common.protocol.Left;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.Names;
import org.natter.common.protocol.Texts;

/**
 * The chat window's state and commands. It listens to the connection on the connection's event thread and hands
 * everything to the UI thread through the injected executor: messages in batches (one {@code addAll} per batch,
 * the list capped at {@code maxEntries}), the user list and the state as latest values.
 */
public final class ChatViewModel implements ClientListener {

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
    private final ReadOnlyIntegerWrapper unread = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper leaving = new ReadOnlyBooleanWrapper();
    private final StringProperty draft = new SimpleStringProperty("");
    private final BooleanProperty windowFocused = new SimpleBooleanProperty(true);
    private final StringBinding inputProblem;
    private final BooleanBinding loggedIn;
    private final BooleanBinding canSend;
    private final StringBinding title;
    private final FxBatcher<ChatEntry> incoming;
    private final FxLatest<List<String>> userUpdates;
    private final FxLatest<ConnectionState> stateUpdates;
    /** The own name as the events thread knows it, for telling own messages and mentions apart. */
    private volatile String nameKey = "";
    private volatile Mentions mentions = Mentions.NOBODY;
    private Consumer<String> onKicked = reason -> { };
    private Consumer<String> onEnded = why -> { };
    private Consumer<ChatEntry> onMentionWhileAway = entry -> { };
    private Runnable onLeft = () -> { };

    public ChatViewModel(ChatCommands commands, Executor uiExecutor, String serverLabel, int maxEntries) {
        this.commands = Objects.requireNonNull(commands, "commands");
        this.ui = Objects.requireNonNull(uiExecutor, "uiExecutor");
        this.maxEntries = maxEntries;
        server.set(serverLabel);
        incoming = new FxBatcher<>(uiExecutor, this::append);
        userUpdates = new FxLatest<>(uiExecutor, users::setAll);
        stateUpdates = new FxLatest<>(uiExecutor, state::set);
        loggedIn = state.isEqualTo(ConnectionState.LOGGED_IN);
        inputProblem = Bindings.createStringBinding(
                () -> draft.get() == null || draft.get().isBlank() ? "" : Texts.problem(draft.get()).orElse(""), draft);
        canSend = loggedIn.and(draft.isNotEmpty()).and(inputProblem.isEmpty())
                .and(Bindings.createBooleanBinding(() -> !draft.get().isBlank(), draft));
        title = Bindings.createStringBinding(() -> unread.get() > 0 && !windowFocused.get()
                        ? I18n.text("app.title.chat.unread", myName.get(), server.get(), unread.get())
                        : I18n.text("app.title.chat", myName.get(), server.get()),
                myName, server, unread, windowFocused);
        windowFocused.addListener((obs, was, focused) -> {
            if (focused) {
                unread.set(0);
            }
        });
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
        return windowFocused;
    }

    public ReadOnlyIntegerProperty unreadProperty() {
        return unread.getReadOnlyProperty();
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
        onMentionWhileAway = Objects.requireNonNull(handler);
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

    // ---- connection events (the connection's event thread) ----

    @Override
    public void onStateChanged(ConnectionState newState) {
        stateUpdates.set(newState);
    }

    @Override
    public void onLoggedIn(LoginOk ok, boolean again) {
        nameKey = Names.key(ok.name());
        mentions = Mentions.of(ok.name());
        ui.execute(() -> {
            myName.set(ok.name());
            reconnectDetail.set("");
        });
        String greeting = ok.text() == null ? "" : ok.text();
        String text = again ? I18n.text("event.reconnected", greeting)
                : ok.welcome() == null || ok.welcome().isBlank() ? greeting
                : greeting + " " + ok.welcome();
        if (!text.isBlank()) {
            incoming.offer(ChatEntry.event(ChatEntry.Kind.EVENT, "", text.strip(), null));
        }
    }

    @Override
    public void onMessage(Message message) {
        boolean own = message.re() != null || Names.key(message.from()).equals(nameKey);
        boolean mention = !own && mentions.in(message.text());
        incoming.offer(new ChatEntry(own ? ChatEntry.Kind.OWN : ChatEntry.Kind.OTHER, message.from(), message.text(),
                message.ts() == null ? Instant.now() : message.ts(), mention));
    }

    @Override
    public void onJoined(Joined joined) {
        incoming.offer(ChatEntry.event(ChatEntry.Kind.EVENT, joined.name(), I18n.text("event.joined", joined.name()), joined.ts()));
    }

    @Override
    public void onLeft(Left left) {
        incoming.offer(ChatEntry.event(ChatEntry.Kind.EVENT, left.name(), LeaveTexts.describe(left), left.ts()));
    }

    @Override
    public void onUsersChanged(List<String> names) {
        userUpdates.set(names);
    }

    @Override
    public void onAnnouncement(Announcement announcement) {
        incoming.offer(ChatEntry.event(ChatEntry.Kind.ANNOUNCEMENT, "", announcement.text(), announcement.ts()));
    }

    @Override
    public void onError(ErrorReply error) {
        incoming.offer(ChatEntry.event(ChatEntry.Kind.WARNING, "", error.message(), null));
    }

    @Override
    public void onKicked(String reason) {
        ui.execute(() -> onKicked.accept(reason == null ? "" : reason));
    }

    @Override
    public void onConnectionLost(String cause) {
        incoming.offer(ChatEntry.event(ChatEntry.Kind.WARNING, "", I18n.text("event.lost"), null));
    }

    @Override
    public void onReconnecting(int attempt, Duration delay) {
        String detail = I18n.text("chat.reconnecting.detail", Math.max(1, Math.round(delay.toMillis() / 1000.0)), attempt);
        ui.execute(() -> reconnectDetail.set(detail));
    }

    @Override
    public void onDisconnected(DisconnectReason reason, String detail) {
        if (reason != DisconnectReason.QUIT) {
            // The server ended the session (kick, name taken, gave up): release the connection's threads too.
            commands.leave();
        }
        if (reason == DisconnectReason.NAME_TAKEN) {
            ui.execute(() -> onEnded.accept(I18n.text("event.nameTaken", myName.get())));
        } else if (reason == DisconnectReason.LOST) {
            ui.execute(() -> {
                if (!leaving.get()) {
                    onEnded.accept(I18n.text("event.gaveUp", detail));
                }
            });
        }
    }

    // ---- UI thread ----

    private void append(List<ChatEntry> batch) {
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
        if (!windowFocused.get()) {
            ChatEntry lastMention = null;
            int fresh = 0;
            for (ChatEntry entry : batch) {
                if (entry.kind() == ChatEntry.Kind.OTHER) {
                    fresh++;
                    if (entry.mentionsMe()) {
                        lastMention = entry;
                    }
                }
            }
            unread.set(unread.get() + fresh);
            // One notification per batch, so a burst of mentions does not bury the desktop.
            if (lastMention != null) {
                onMentionWhileAway.accept(lastMention);
            }
        }
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
