package org.natter.client.ui.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.natter.client.net.ClientListener;
import org.natter.client.net.ConnectionState;
import org.natter.client.net.DisconnectReason;
import org.natter.common.fx.FxBatcher;
import org.natter.common.fx.FxLatest;
import org.natter.client.ui.I18n;
import org.natter.common.protocol.Announcement;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.Joined;
import org.natter.common.protocol.Left;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.Names;
import org.natter.common.protocol.Welcome;

/**
 * The chat window's side of the connection: turns what the connection reports into {@link ChatEntry} lines and
 * state, and hands them to the {@link ChatViewModel} on the FX thread: lines in batches (at most one pending
 * {@code runLater}, one {@code addAll} per batch), the user list and the state as latest values, the rest as
 * single hops.
 *
 * <p><b>Threads:</b> every callback runs on the connection's event thread; the own name, the server's name and the
 * mention matcher belong to that thread. Nothing here touches a JavaFX property; only the injected executor reaches the FX thread.
 */
public final class ChatFeed implements ClientListener {

    private final ChatViewModel chat;
    private final Executor ui;
    private final FxBatcher<ChatEntry> incoming;
    private final FxLatest<List<String>> userUpdates;
    private final FxLatest<ConnectionState> stateUpdates;
    private String nameKey = "";
    private Mentions mentions = Mentions.NOBODY;
    private String serverName;

    ChatFeed(ChatViewModel chat, Executor uiExecutor, String address) {
        this.chat = Objects.requireNonNull(chat, "chat");
        this.serverName = address;
        this.ui = Objects.requireNonNull(uiExecutor, "uiExecutor");
        incoming = new FxBatcher<>(uiExecutor, chat::append);
        userUpdates = new FxLatest<>(uiExecutor, chat::showUsers);
        stateUpdates = new FxLatest<>(uiExecutor, chat::showState);
    }

    @Override
    public void onStateChanged(ConnectionState newState) {
        stateUpdates.set(newState);
    }

    @Override
    public void onWelcome(Welcome welcome) {
        if (welcome.server() != null && !welcome.server().isBlank()) {
            serverName = welcome.server().strip();
            ui.execute(() -> chat.welcomedBy(welcome.server()));
        }
    }

    @Override
    public void onLoggedIn(LoginOk ok, boolean again) {
        nameKey = Names.key(ok.name());
        mentions = Mentions.of(ok.name());
        ui.execute(() -> chat.loggedInAs(ok.name()));
        if (again) {
            incoming.offer(ChatEntry.event(ChatEntry.Kind.EVENT, "", I18n.text("event.reconnected"), null));
            return;
        }
        // The login number means something only as a person's place in the server's history.
        incoming.offer(ChatEntry.event(ChatEntry.Kind.EVENT, "", ok.number() > 0
                ? I18n.text("event.welcome", serverName, Ordinals.english(ok.number()))
                : I18n.text("event.welcome.plain", serverName), null));
        if (ok.welcome() != null && !ok.welcome().isBlank()) {
            incoming.offer(ChatEntry.event(ChatEntry.Kind.ANNOUNCEMENT, "", ok.welcome().strip(), null));
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
        incoming.offer(ChatEntry.presence(Presence.joined(joined.name()), joined.ts()));
    }

    @Override
    public void onLeft(Left left) {
        incoming.offer(LeaveTexts.ordinary(left) ? ChatEntry.presence(Presence.left(left.name()), left.ts())
                : ChatEntry.event(ChatEntry.Kind.EVENT, left.name(), LeaveTexts.describe(left), left.ts()));
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
        String why = reason == null ? "" : reason;
        ui.execute(() -> chat.kicked(why));
    }

    @Override
    public void onConnectionLost(String cause) {
        incoming.offer(ChatEntry.event(ChatEntry.Kind.WARNING, "", I18n.text("event.lost"), null));
    }

    @Override
    public void onReconnecting(int attempt, Duration delay) {
        String detail = I18n.text("chat.reconnecting.detail", Math.max(1, Math.round(delay.toMillis() / 1000.0)), attempt);
        ui.execute(() -> chat.showReconnectDetail(detail));
    }

    @Override
    public void onDisconnected(DisconnectReason reason, String detail) {
        ui.execute(() -> chat.sessionEnded(reason, detail));
    }
}
