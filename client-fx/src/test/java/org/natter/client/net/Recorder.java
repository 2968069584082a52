package org.natter.client.net;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.natter.common.model.LeaveReason;
import org.natter.common.protocol.Announcement;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.Joined;
import org.natter.common.protocol.Left;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.RoomState;
import org.natter.common.protocol.TopicChanged;

/** Records every listener callback in a queue, so tests can wait for one with a bounded poll. */
final class Recorder implements ClientListener {

    record StateChanged(ConnectionState state) { }
    record LoggedIn(LoginOk ok, boolean again) { }
    record UsersChanged(List<String> users) { }
    record KickedEvent(String reason) { }
    record Lost(String cause) { }
    record Reconnecting(int attempt, Duration delay) { }
    record Disconnected(DisconnectReason reason, String detail) { }
    record RoomLeft(String room, LeaveReason reason) { }
    record HistoryEvent(Conversation conversation, List<Message> messages, boolean complete) { }
    record CaughtUp(Conversation conversation, int count) { }
    record RoomsChanged(List<OpenRoom> rooms) {
        List<String> names() {
            return rooms.stream().map(OpenRoom::name).toList();
        }
    }

    private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final List<Object> all = new ArrayList<>();

    /** Waits up to 10 s for an event of this type that matches, skipping others. */
    <T> T await(Class<T> type, Predicate<T> matching) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            long left = deadline - System.nanoTime();
            Object event = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
            if (event == null) {
                return fail("No %s within 10 s", type.getSimpleName());
            }
            if (type.isInstance(event) && matching.test(type.cast(event))) {
                return type.cast(event);
            }
        }
    }

    /** The events of this type seen so far, by this and earlier awaits too, in order. */
    <T> List<T> seen(Class<T> type) {
        synchronized (all) {
            return all.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    /**
     * The texts delivered in {@code conversation} so far, through {@link #onHistory} and {@link #onMessage}, in the
     * order the listener got them.
     */
    List<String> texts(Conversation conversation, String self) {
        List<String> texts = new ArrayList<>();
        synchronized (all) {
            for (Object event : all) {
                if (event instanceof HistoryEvent h && h.conversation().key().equals(conversation.key())) {
                    h.messages().forEach(m -> texts.add(m.text()));
                } else if (event instanceof Message m && Conversation.of(m, self).key().equals(conversation.key())) {
                    texts.add(m.text());
                }
            }
        }
        return texts;
    }

    <T> T await(Class<T> type) throws InterruptedException {
        return await(type, any -> true);
    }

    private void record(Object event) {
        synchronized (all) {
            all.add(event);
        }
        events.add(event);
    }

    @Override public void onStateChanged(ConnectionState state) { record(new StateChanged(state)); }
    @Override public void onLoggedIn(LoginOk ok, boolean again) { record(new LoggedIn(ok, again)); }
    @Override public void onMessage(Message message) { record(message); }
    @Override public void onJoined(Joined joined) { record(joined); }
    @Override public void onLeft(Left left) { record(left); }
    @Override public void onUsersChanged(List<String> users) { record(new UsersChanged(users)); }
    @Override public void onAnnouncement(Announcement announcement) { record(announcement); }
    @Override public void onError(ErrorReply error) { record(error); }
    @Override public void onKicked(String reason) { record(new KickedEvent(reason)); }
    @Override public void onWaiting(org.natter.common.protocol.Waiting waiting) { record(waiting); }
    @Override public void onConnectionLost(String cause) { record(new Lost(cause)); }
    @Override public void onReconnecting(int attempt, Duration delay) { record(new Reconnecting(attempt, delay)); }
    @Override public void onRoomJoined(RoomState room) { record(room); }
    @Override public void onRoomLeft(String room, LeaveReason reason) { record(new RoomLeft(room, reason)); }
    @Override public void onTopicChanged(TopicChanged topic) { record(topic); }
    @Override public void onRoomsChanged(List<OpenRoom> rooms) { record(new RoomsChanged(rooms)); }
    @Override public void onHistory(Conversation conversation, List<Message> messages, boolean complete) {
        record(new HistoryEvent(conversation, messages, complete));
    }
    @Override public void onCaughtUp(Conversation conversation, int count) { record(new CaughtUp(conversation, count)); }
    @Override public void onDisconnected(DisconnectReason reason, String detail) { record(new Disconnected(reason, detail)); }
}
