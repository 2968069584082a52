package org.natter.client.ui.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.natter.client.net.ClientListener;
import org.natter.client.net.Conversation;
import org.natter.client.net.ConnectionState;
import org.natter.client.net.DisconnectReason;
import org.natter.client.net.OpenRoom;
import org.natter.client.ui.rooms.ConversationKey;
import org.natter.client.ui.rooms.Routed;
import org.natter.common.model.LeaveReason;
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
import org.natter.common.protocol.RoomState;
import org.natter.common.protocol.TopicChanged;
import org.natter.common.protocol.Waiting;
import org.natter.common.protocol.Welcome;

/**
 * The chat window's side of the connection: turns what the connection reports into {@link ChatEntry} lines addressed
 * to their conversation ({@link Routed}: a room, a direct conversation, or the open one) and state, and hands them to the {@link ChatViewModel} on the FX thread: lines in batches (at most one pending
 * {@code runLater}, one {@code addAll} per batch), the user list and the state as latest values, the rest as
 * single hops.
 *
 * <p><b>Threads:</b> every callback runs on the connection's event thread; the own name, the server's name and the
 * mention matcher and who is in which room (to address a leave of the server) belong to that thread. Nothing here touches a JavaFX property; only the injected executor reaches the FX thread.
 */
public final class ChatFeed implements ClientListener {

    private final ChatViewModel chat;
    private final Executor ui;
    private final FxBatcher<Routed> incoming;
    private final FxLatest<List<String>> userUpdates;
    private final FxLatest<List<OpenRoom>> roomUpdates;
    private final FxLatest<ConnectionState> stateUpdates;
    private final Map<String, Set<String>> roomMembers = new HashMap<>();
    private String nameKey = "";
    private Mentions mentions = Mentions.NOBODY;
    private String serverName;

    ChatFeed(ChatViewModel chat, Executor uiExecutor, String address) {
        this.chat = Objects.requireNonNull(chat, "chat");
        this.serverName = address;
        this.ui = Objects.requireNonNull(uiExecutor, "uiExecutor");
        incoming = new FxBatcher<>(uiExecutor, chat::append);
        userUpdates = new FxLatest<>(uiExecutor, chat::showUsers);
        roomUpdates = new FxLatest<>(uiExecutor, rooms -> chat.conversations().updateRooms(rooms));
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
            incoming.offer(Routed.to(ConversationKey.CURRENT,
                    ChatEntry.event(ChatEntry.Kind.EVENT, "", I18n.text("event.reconnected"), null)));
            return;
        }
        // The login number means something only as a person's place in the server's history.
        general(ChatEntry.event(ChatEntry.Kind.EVENT, "", ok.number() > 0
                ? I18n.text("event.welcome", serverName, Ordinals.of(ok.number()))
                : I18n.text("event.welcome.plain", serverName), null));
        if (ok.welcome() != null && !ok.welcome().isBlank()) {
            general(ChatEntry.event(ChatEntry.Kind.ANNOUNCEMENT, "", ok.welcome().strip(), null));
        }
    }

    @Override
    public void onMessage(Message message) {
        boolean own = MessageEntries.own(message, nameKey);
        // A direct conversation is named after the other person: the recipient of this user's own copy.
        ConversationKey to = message.to() != null ? ConversationKey.direct(own ? message.to() : message.from())
                : roomOf(message.room());
        incoming.offer(Routed.to(to, MessageEntries.entry(message, nameKey, mentions)));
    }

    @Override
    public void onHistory(Conversation conversation, List<Message> messages, boolean complete) {
        if (messages.isEmpty()) {
            return;
        }
        // Through the same batches as the live lines, so the replay stays in front of what follows it.
        ConversationKey key = MessageEntries.key(conversation);
        for (Message message : messages) {
            incoming.offer(Routed.earlier(key, MessageEntries.entry(message, nameKey, mentions)));
        }
        incoming.offer(Routed.earlier(key, ChatEntry.divider(I18n.text("history.earlier"))));
    }

    @Override
    public void onCaughtUp(Conversation conversation, int count) {
        if (count > 0) {
            incoming.offer(Routed.to(MessageEntries.key(conversation), ChatEntry.divider(count == 1
                    ? I18n.text("history.caughtUp.one") : I18n.text("history.caughtUp", count))));
        }
    }

    @Override
    public void onJoined(Joined joined) {
        incoming.offer(Routed.to(roomOf(joined.room()), ChatEntry.presence(Presence.joined(joined.name()), joined.ts())));
    }

    @Override
    public void onLeft(Left left) {
        ChatEntry entry = LeaveTexts.ordinary(left) ? ChatEntry.presence(Presence.left(left.name()), left.ts())
                : ChatEntry.event(ChatEntry.Kind.EVENT, left.name(), LeaveTexts.describe(left), left.ts());
        if (left.room() != null) {
            incoming.offer(Routed.to(ConversationKey.room(left.room()), entry));
            return;
        }
        // A leave of the server belongs wherever this user met the one leaving.
        String key = Names.key(left.name());
        List<ConversationKey> where = new ArrayList<>();
        roomMembers.forEach((room, members) -> {
            if (members.contains(key)) {
                where.add(ConversationKey.room(room));
            }
        });
        if (where.isEmpty()) {
            where.add(ConversationKey.GENERAL);
        }
        where.add(ConversationKey.direct(left.name()));
        incoming.offer(new Routed(where, entry, true));
    }

    @Override
    public void onRoomJoined(RoomState room) {
        ui.execute(() -> chat.conversations().roomJoined(room.room(), room.topic(), room.users()));
    }

    @Override
    public void onRoomLeft(String room, LeaveReason reason) {
        ui.execute(() -> chat.conversations().roomLeft(room, reason));
    }

    @Override
    public void onTopicChanged(TopicChanged topic) {
        String text = topic.text() == null || topic.text().isEmpty() ? I18n.text("event.topic.cleared", topic.room())
                : topic.by() == null ? I18n.text("event.topic.host", topic.room(), topic.text())
                : I18n.text("event.topic", topic.room(), topic.text(), topic.by());
        incoming.offer(Routed.to(ConversationKey.room(topic.room()),
                ChatEntry.event(ChatEntry.Kind.EVENT, topic.by() == null ? "" : topic.by(), text, topic.ts())));
    }

    @Override
    public void onRoomsChanged(List<OpenRoom> rooms) {
        if (rooms.isEmpty()) {
            // Not logged in: the rooms come back after the reconnection; keep the last known members until then.
            return;
        }
        roomMembers.clear();
        for (OpenRoom room : rooms) {
            Set<String> keys = new HashSet<>();
            room.members().forEach(name -> keys.add(Names.key(name)));
            roomMembers.put(room.name(), keys);
        }
        roomUpdates.set(rooms);
    }

    @Override
    public void onUsersChanged(List<String> names) {
        userUpdates.set(names);
    }

    @Override
    public void onAnnouncement(Announcement announcement) {
        incoming.offer(Routed.to(announcement.room() == null ? ConversationKey.CURRENT : roomOf(announcement.room()),
                ChatEntry.event(ChatEntry.Kind.ANNOUNCEMENT, "", announcement.text(), announcement.ts())));
    }

    @Override
    public void onError(ErrorReply error) {
        incoming.offer(Routed.to(ConversationKey.CURRENT, ChatEntry.event(ChatEntry.Kind.WARNING, "", error.message(), null)));
    }

    @Override
    public void onKicked(String reason) {
        String why = reason == null ? "" : reason;
        ui.execute(() -> chat.kicked(why));
    }

    /** After a reconnection the server may hold the login again until its host lets this user back in. */
    @Override
    public void onWaiting(Waiting waiting) {
        incoming.offer(Routed.to(ConversationKey.CURRENT,
                ChatEntry.event(ChatEntry.Kind.EVENT, "", I18n.text("event.waiting"), null)));
    }

    @Override
    public void onConnectionLost(String cause) {
        incoming.offer(Routed.to(ConversationKey.CURRENT,
                ChatEntry.event(ChatEntry.Kind.WARNING, "", I18n.text("event.lost"), null)));
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

    private void general(ChatEntry entry) {
        incoming.offer(Routed.to(ConversationKey.GENERAL, entry));
    }

    /** A version-1 server names no room: everything is said in general. */
    private static ConversationKey roomOf(String room) {
        return room == null ? ConversationKey.GENERAL : ConversationKey.room(room);
    }
}
