package org.natter.client.net;

import java.util.List;
import java.util.Objects;
import org.natter.common.model.LeaveReason;
import org.natter.common.protocol.Announcement;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.History;
import org.natter.common.protocol.Join;
import org.natter.common.protocol.Joined;
import org.natter.common.protocol.Kicked;
import org.natter.common.protocol.Left;
import org.natter.common.protocol.Presence;
import org.natter.common.protocol.LoggedOut;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.Names;
import org.natter.common.protocol.Ping;
import org.natter.common.protocol.Parted;
import org.natter.common.protocol.Pong;
import org.natter.common.protocol.RoomList;
import org.natter.common.protocol.RoomState;
import org.natter.common.protocol.SearchResults;
import org.natter.common.protocol.TopicChanged;
import org.natter.common.protocol.Waiting;
import org.natter.common.protocol.ServerFrame;
import org.natter.common.protocol.Welcome;

/**
 * Where each frame from the server goes: the answer to a waiting request, the {@link ConnectionLifecycle}, the
 * {@link Roster} of everyone online, the {@link OpenRooms} this user is in, and the {@link ClientListener}s (through
 * the {@link ListenerDispatch}, so they run on the event thread, in the order the frames arrived). The models are
 * updated before the waiting request completes, so a completed {@code join} finds its room open.
 *
 * <p><b>Threads:</b> {@link #route} runs on the reader thread of the link the frame came on. The router keeps no
 * state of its own.
 *
 * <p>Each frame type has its own {@code on} method; {@link #route} is the only place that tells the types apart,
 * and a test checks that every permitted {@link ServerFrame} type has a method here. (A visitor on
 * {@code ServerFrame} in common would make a new frame type fail to compile here; Java 17 has no exhaustive switch.)
 */
final class InboundRouter {

    private final ConnectionLifecycle lifecycle;
    private final Roster roster;
    private final OpenRooms rooms;
    private final TopicWaiters topics;
    private final ListenerDispatch events;
    private final MessageLedger ledger;
    private final CatchUp catchUp;

    InboundRouter(ConnectionLifecycle lifecycle, Roster roster, OpenRooms rooms, TopicWaiters topics,
                  ListenerDispatch events, MessageLedger ledger, CatchUp catchUp) {
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        this.roster = Objects.requireNonNull(roster, "roster");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.events = Objects.requireNonNull(events, "events");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.catchUp = Objects.requireNonNull(catchUp, "catchUp");
    }

    /** Reader thread of {@code from}. */
    void route(Link from, ServerFrame frame) {
        if (frame instanceof Welcome welcome) {
            on(from, welcome);
        } else if (frame instanceof LoginOk ok) {
            on(from, ok);
        } else if (frame instanceof Message message) {
            on(from, message);
        } else if (frame instanceof Joined joined) {
            on(from, joined);
        } else if (frame instanceof Left left) {
            on(from, left);
        } else if (frame instanceof LoggedOut loggedOut) {
            on(from, loggedOut);
        } else if (frame instanceof Kicked kicked) {
            on(from, kicked);
        } else if (frame instanceof Announcement announcement) {
            on(from, announcement);
        } else if (frame instanceof ErrorReply error) {
            on(from, error);
        } else if (frame instanceof Ping ping) {
            on(from, ping);
        } else if (frame instanceof Pong pong) {
            on(from, pong);
        } else if (frame instanceof RoomState room) {
            on(from, room);
        } else if (frame instanceof Parted parted) {
            on(from, parted);
        } else if (frame instanceof RoomList rooms) {
            on(from, rooms);
        } else if (frame instanceof TopicChanged topic) {
            on(from, topic);
        } else if (frame instanceof History history) {
            on(from, history);
        } else if (frame instanceof SearchResults results) {
            on(from, results);
        } else if (frame instanceof Waiting waiting) {
            on(from, waiting);
        } else if (frame instanceof Presence presence) {
            on(from, presence);
        } else {
            throw new IllegalArgumentException("No route for " + frame.getClass().getSimpleName());
        }
    }

    void on(Link from, Welcome welcome) {
        lifecycle.greeted(from, welcome);
        from.welcome().complete(welcome);
        events.dispatch(listener -> listener.onWelcome(welcome));
    }

    void on(Link from, LoginOk ok) {
        // The lifecycle moves first, so that the connect future completes on a logged-in connection.
        boolean again = lifecycle.phase() instanceof ConnectionPhase.Reconnecting;
        if (lifecycle.loggedIn(from, ok)) {
            List<String> rejoining = rooms.rejoining();
            if (again) {
                // Before the frames that follow (general's replay), so that they are held for the catch-up.
                catchUp.begin(from, rejoining);
            } else {
                ledger.forgetAll();
            }
            rejoining.forEach(room -> rejoin(from, room));
        }
        from.answer(ok.re(), ok);
    }

    /** After a reconnection: joins a room again; a refusal (the room is gone) is told as an error. */
    private void rejoin(Link on, String room) {
        on.request(id -> new Join(id, room)).thenAccept(reply -> {
            if (reply instanceof ErrorReply error) {
                rooms.rejoinFailed(room);
                catchUp.rejoined(on, room, false);
                events.dispatch(listener -> listener.onError(error));
            } else {
                catchUp.rejoined(on, room, true);
            }
        });
    }

    void on(Link from, Message message) {
        ledger.message(message, lifecycle.name());
        from.answer(message.re(), message);
    }

    // Whoever enters a room is online, so the roster takes every join (it ignores a name it has).
    void on(Link from, Joined joined) {
        List<String> users = roster.add(joined.name());
        boolean roomChanged = joined.room() != null && rooms.memberJoined(joined.room(), joined.name());
        events.dispatch(listener -> listener.onJoined(joined));
        events.dispatch(listener -> listener.onUsersChanged(users));
        if (roomChanged) {
            roomsChanged();
        }
    }

    // A storm of logins and leaves in one frame: the roster and the rooms change once, the listeners hear once.
    void on(Link from, Presence presence) {
        List<String> users = roster.apply(presence.joined(), presence.left());
        boolean roomsChanged = rooms.presence(presence.room(), presence.joined(), presence.left());
        events.dispatch(listener -> listener.onUsersChanged(users));
        if (roomsChanged) {
            roomsChanged();
        }
    }

    // A leave with a room is a leave of that room only; the user stays online.
    void on(Link from, Left left) {
        if (left.room() == null) {
            List<String> users = roster.remove(left.name());
            boolean roomsChanged = rooms.userGone(left.name());
            events.dispatch(listener -> listener.onLeft(left));
            events.dispatch(listener -> listener.onUsersChanged(users));
            if (roomsChanged) {
                roomsChanged();
            }
        } else if (isSelf(left.name())) {
            // The operator closed a room this user was in (a part of its own comes as parted).
            leftRoom(left.room(), left.reason());
        } else if (rooms.memberLeft(left.room(), left.name())) {
            events.dispatch(listener -> listener.onLeft(left));
            roomsChanged();
        } else {
            events.dispatch(listener -> listener.onLeft(left));
        }
    }

    void on(Link from, LoggedOut loggedOut) {
        lifecycle.loggedOut(from);
        from.answer(loggedOut.re(), loggedOut);
    }

    /** The login waits for the server's operator; its answer comes when they decide (no time limit meanwhile). */
    void on(Link from, Waiting waiting) {
        if (lifecycle.waiting(from)) {
            events.dispatch(listener -> listener.onWaiting(waiting));
        }
    }

    void on(Link from, Kicked kicked) {
        lifecycle.kicked(from, kicked.reason());
    }

    void on(Link from, Announcement announcement) {
        events.dispatch(listener -> listener.onAnnouncement(announcement));
    }

    void on(Link from, ErrorReply error) {
        if (!from.answer(error.re(), error)) {
            events.dispatch(listener -> listener.onError(error));
        }
    }

    void on(Link from, Ping ping) {
        from.write(new Pong(ping.id()));
    }

    void on(Link from, Pong pong) {
        from.answer(pong.re(), pong);
    }

    void on(Link from, RoomState room) {
        rooms.joined(room);
        events.dispatch(listener -> listener.onRoomJoined(room));
        roomsChanged();
        from.answer(room.re(), room);
    }

    void on(Link from, Parted parted) {
        leftRoom(parted.room(), LeaveReason.PART);
        from.answer(parted.re(), parted);
    }

    void on(Link from, RoomList list) {
        from.answer(list.re(), list);
    }

    void on(Link from, TopicChanged topic) {
        if (rooms.topic(topic.room(), topic.text())) {
            events.dispatch(listener -> listener.onTopicChanged(topic));
            roomsChanged();
        }
        topics.changed(topic, lifecycle.name());
    }

    private void leftRoom(String room, LeaveReason reason) {
        String name = rooms.left(room);
        ledger.forget(Conversation.room(room));
        if (name != null) {
            events.dispatch(listener -> listener.onRoomLeft(name, reason));
            roomsChanged();
        }
    }

    private void roomsChanged() {
        List<OpenRoom> open = rooms.snapshot();
        events.dispatch(listener -> listener.onRoomsChanged(open));
    }

    private boolean isSelf(String name) {
        String self = lifecycle.name();
        return self != null && Names.key(self).equals(Names.key(name));
    }

    /** A replay after {@code room} has no {@code re}; a page someone asked for has. */
    void on(Link from, History history) {
        if (history.re() == null) {
            ledger.replay(history);
        } else {
            from.answer(history.re(), history);
        }
    }

    void on(Link from, SearchResults results) {
        from.answer(results.re(), results);
    }
}
