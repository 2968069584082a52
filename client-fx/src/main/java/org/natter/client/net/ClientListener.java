package org.natter.client.net;

import java.time.Duration;
import java.util.List;
import org.natter.common.model.LeaveReason;
import org.natter.common.protocol.Announcement;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.Joined;
import org.natter.common.protocol.Left;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.RoomState;
import org.natter.common.protocol.TopicChanged;
import org.natter.common.protocol.Waiting;
import org.natter.common.protocol.Welcome;

/**
 * Receives what happens on a {@link ChatConnection}, as the protocol's records.
 *
 * <p><b>Threads:</b> every callback runs on the connection's single event thread (named
 * {@code natter-client-events-N}), one at a time and in the order the frames arrived, never on the caller's thread
 * and never on the JavaFX thread. A callback must return quickly; a user interface hands the value over to its own
 * thread. An exception thrown by a callback is logged and does not harm the connection.
 */
public interface ClientListener {

    /** The connection's state changed. */
    default void onStateChanged(ConnectionState state) {
    }

    /** The server greeted a new connection. */
    default void onWelcome(Welcome welcome) {
    }

    /**
     * The server admits new users by hand, and this login waits for its operator to let it in: the connect (or the
     * reconnection) completes with {@link #onLoggedIn} when they do, and fails when they refuse. It waits without a
     * time limit meanwhile; closing the connection gives up.
     */
    default void onWaiting(Waiting waiting) {
    }

    /**
     * The login was accepted: the first one, or, with {@code again}, the automatic one after a dropped connection.
     * {@link #onUsersChanged} follows with the full list.
     */
    default void onLoggedIn(LoginOk ok, boolean again) {
    }

    /**
     * A chat message, this user's own included (its {@code re} is then set): in {@link Message#room() room}, or a
     * direct message when {@link Message#to() to} is set (to this user, or this user's own copy of one it sent).
     * Within a {@link Conversation}, ids only grow and none comes twice (the replay, the catch-up and the live
     * stream overlap; the connection removes the repeats).
     */
    default void onMessage(Message message) {
    }

    /**
     * What was said in a room before this user came in: the server's replay (its latest messages, oldest first) after
     * {@link #onRoomJoined} for a join, and for {@code general} after a login. It comes before any {@link #onMessage}
     * of that room. {@code complete} is true when nothing older exists; otherwise older pages can be read with
     * {@link ChatHistory#page} before the first message's id. After a reconnection the replay is not repeated: what
     * was missed comes as {@link #onMessage} calls, then {@link #onCaughtUp}.
     */
    default void onHistory(Conversation conversation, List<Message> messages, boolean complete) {
    }

    /**
     * After a reconnection, a conversation (a room joined again, {@code general}, a direct conversation this user had)
     * has caught up: the {@code count} messages that came since the connection dropped, including those said while
     * away, were just delivered as {@link #onMessage}, in id order, each once; later ones come live.
     */
    default void onCaughtUp(Conversation conversation, int count) {
    }

    /**
     * Another user came online ({@code room} absent, or {@code general} at its login) or entered a room this user is
     * in ({@code room} set). {@link #onUsersChanged} follows, and {@link #onRoomsChanged} for a room.
     */
    default void onJoined(Joined joined) {
    }

    /**
     * Another user left the server ({@code room} absent) or one room this user is in ({@code room} set, reason
     * {@code part} or {@code room_closed}); only a leave of the server takes it off {@link #onUsersChanged the list}.
     * This user's own leave of a room comes as {@link #onRoomLeft} instead.
     */
    default void onLeft(Left left) {
    }

    /**
     * This user is in a room now: the answer to a join, {@code general} after a login, or a room joined again after
     * a reconnection. {@link #onRoomsChanged} follows.
     */
    default void onRoomJoined(RoomState room) {
    }

    /**
     * This user is no longer in {@code room}: {@link LeaveReason#PART} after its part, {@link LeaveReason#ROOM_CLOSED}
     * when the server's operator deleted the room. {@link #onRoomsChanged} follows.
     */
    default void onRoomLeft(String room, LeaveReason reason) {
    }

    /** The topic of a room this user is in changed (an empty text clears it); {@link #onRoomsChanged} follows. */
    default void onTopicChanged(TopicChanged topic) {
    }

    /**
     * The rooms this user is in, or a topic or the members of one, changed; {@code rooms} is the whole list, sorted
     * by name ignoring case; empty while not logged in (a reconnection joins them again).
     */
    default void onRoomsChanged(List<OpenRoom> rooms) {
    }

    /** The logged-in names changed; {@code users} is the whole list, sorted ignoring case. */
    default void onUsersChanged(List<String> users) {
    }

    default void onAnnouncement(Announcement announcement) {
    }

    /** The server refused something no pending request was waiting for (requests fail their own future instead). */
    default void onError(ErrorReply error) {
    }

    /** An administrator removed this user; {@link #onDisconnected} with {@link DisconnectReason#KICKED} follows. */
    default void onKicked(String reason) {
    }

    /** The connection dropped on its own; attempts to reconnect follow. */
    default void onConnectionLost(String cause) {
    }

    /** Reconnection attempt {@code attempt} starts after {@code delay}. */
    default void onReconnecting(int attempt, Duration delay) {
    }

    /** The session is over; nothing more happens until the next {@code connect}. */
    default void onDisconnected(DisconnectReason reason, String detail) {
    }
}
