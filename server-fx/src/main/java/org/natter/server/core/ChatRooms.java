package org.natter.server.core;

import io.netty.util.concurrent.EventExecutor;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.natter.common.model.ChatMessage;
import org.natter.common.model.LeaveReason;
import org.natter.common.model.RoomInfo;
import org.natter.common.model.ServerEvent;
import org.natter.common.protocol.Announcement;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.Joined;
import org.natter.common.protocol.Left;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.Names;
import org.natter.common.protocol.Parted;
import org.natter.common.protocol.ProtocolLimits;
import org.natter.common.protocol.RoomList;
import org.natter.common.protocol.RoomSummary;
import org.natter.common.protocol.TopicChanged;
import org.natter.server.core.room.FanOut;
import org.natter.server.core.room.Member;
import org.natter.server.core.room.Outbox;
import org.natter.server.core.room.Room;
import org.natter.server.core.room.RoomDirectory;
import org.natter.server.core.room.RoomSettings;

/**
 * What users and the operator do with rooms: join, part, say in a room, topics, the list, create and delete.
 * Every method runs on the chat's sequencer (see {@link SessionRegistry}), so each room's members receive its
 * messages, joins and leaves in one order.
 */
final class ChatRooms {

    private final RoomDirectory directory = new RoomDirectory();
    private final EventExecutor sequencer;
    private final ServerEvents events;
    private final Supplier<ServerSettings> settings;
    private final SessionRegistry registry;
    private final Outbox outbox;
    private final MessageStore store;
    /** The stored history of rooms that do not exist (yet) in this run, by room key: seeds a room when it is made. */
    private final Map<String, List<ChatMessage>> storedRecent;
    private final RoomUpdates updates;

    ChatRooms(EventExecutor sequencer, ServerEvents events, Supplier<ServerSettings> settings, SessionRegistry registry,
              Outbox outbox, MessageStore store, Map<String, List<ChatMessage>> storedRecent) {
        this.sequencer = sequencer;
        this.events = events;
        this.settings = settings;
        this.registry = registry;
        this.outbox = outbox;
        this.store = store;
        this.storedRecent = new HashMap<>(storedRecent);
        this.updates = new RoomUpdates(sequencer, events, directory::contains);
        seed(directory.general());
    }

    Room general() {
        return directory.general();
    }

    /** Puts a user who just logged in into {@code general}; the caller sends {@code login_ok} and the rest. */
    void enterGeneral(Session session) {
        enter(session, directory.general());
    }

    /** Tells the other members of {@code general} that a user logged in (see {@link PresenceBatch}), and the operator. */
    void announceLogin(Session session, Instant at, PresenceBatch presence) {
        Room general = directory.general();
        presence.joined(session, new Joined(session.name(), general.name(), at));
        roomChanged(general);
    }

    /** {@code join}: enters a room, creating it when allowed. */
    void join(Session session, String name, String requestId) {
        String problem = Names.roomProblem(name).orElse(null);
        if (problem != null) {
            registry.refuse(session, new ErrorReply(requestId, ErrorCode.INVALID_ROOM, problem));
            return;
        }
        Room room = directory.find(name);
        if (room != null && room.contains(session)) {
            RoomArrival.stateAndReplay(outbox, session, room, requestId);
            return;
        }
        RoomSettings limits = settings.get().rooms();
        if (session.rooms().size() >= limits.maxRoomsPerUser()) {
            registry.refuse(session, new ErrorReply(requestId, ErrorCode.TOO_MANY_ROOMS,
                    "You are in " + limits.maxRoomsPerUser() + " rooms, the most one user may be in. Leave one first."));
            return;
        }
        if (room == null) {
            room = createForUser(session, name, requestId, limits);
            if (room == null) {
                return;
            }
        } else if (room != directory.general() && room.size() >= limits.maxMembers()) {
            registry.refuse(session, new ErrorReply(requestId, ErrorCode.ROOM_FULL,
                    "#" + room.name() + " is full (" + limits.maxMembers() + " members)."));
            return;
        }
        enter(session, room);
        RoomArrival.stateAndReplay(outbox, session, room, requestId);
        FanOut.send(outbox, new Joined(session.name(), room.name(), now()), room, m -> m != session);
        roomChanged(room);
    }

    private Room createForUser(Session session, String name, String requestId, RoomSettings limits) {
        Room lookalike = directory.lookalike(name);
        if (lookalike != null) {
            registry.refuse(session, new ErrorReply(requestId, ErrorCode.INVALID_ROOM,
                    RoomRules.lookalikeProblem(name, lookalike.name())));
            return null;
        }
        if (!limits.userRoomsAllowed()) {
            registry.refuse(session, new ErrorReply(requestId, ErrorCode.NO_SUCH_ROOM,
                    "There is no room #" + Names.normalize(name) + ", and only the host can create rooms here."));
            return null;
        }
        if (directory.size() >= limits.maxRooms()) {
            registry.refuse(session, new ErrorReply(requestId, ErrorCode.TOO_MANY_ROOMS,
                    "The server has " + limits.maxRooms() + " rooms, the most it allows. Join one of them."));
            return null;
        }
        return seed(directory.create(name, session.name(), false));
    }

    /** A room made in this run starts with what the store kept of a room of that name. */
    private Room seed(Room room) {
        List<ChatMessage> stored = storedRecent.remove(room.key());
        if (stored != null) {
            int replay = settings.get().historyReplay();
            room.seed(stored.stream().map(RoomRules::toFrame).toList(), stored.size() < replay);
        }
        return room;
    }

    /** {@code part}: leaves one room and stays connected. */
    void part(Session session, String name, String requestId) {
        Room room = memberRoom(session, name, requestId);
        if (room == null) {
            return;
        }
        leaveRoom(session, room);
        session.sendInOrder(new Parted(requestId, room.name()));
        FanOut.send(outbox, new Left(session.name(), room.name(), LeaveReason.PART, null, now()), room, m -> true);
        roomChanged(room);
    }

    /** {@code say} to a room: to every member, the sender's copy carrying its request id. */
    void say(Session sender, String name, String text, String requestId) {
        Room room = memberRoom(sender, name == null ? ProtocolLimits.GENERAL_ROOM : name, requestId);
        if (room == null) {
            return;
        }
        // The room's rules run on the server's clock, which tests move by hand.
        Instant ruleTime = registry.moderation().now();
        ErrorReply ruled = room.policy().refusal(room.name(), sender.name(), ruleTime, requestId);
        if (ruled != null) {
            registry.refuse(sender, ruled);
            return;
        }
        Instant now = now();
        long id = registry.nextMessageId();
        ChatMessage stored = new ChatMessage(id, sender.name(), text, now, room.name(), null);
        if (!store.append(stored)) {
            registry.refuseBusy(sender, requestId);
            return;
        }
        room.policy().posted(sender.name(), ruleTime);
        sender.countMessage();
        room.countMessage();
        Message message = new Message(id, sender.name(), text, now, null, room.name(), null);
        int replay = settings.get().historyReplay();
        // Delivered once stored: the sender's copy is its acknowledgement, so it must mean "kept".
        FanOut.sendAfterCommit(outbox, id, message, room, m -> requestId == null || m != sender, () -> {
            if (requestId != null) {
                sender.sendInOrder(new Message(id, sender.name(), text, now, requestId, room.name(), null));
            }
            room.remember(message, replay);
            events.publish(new ServerEvent.MessageSent(now, sender.asUser(), stored));
        });
    }

    /** {@code rooms}: the list of every room. */
    void list(Session session, String requestId) {
        List<RoomSummary> rooms = directory.sorted().stream().map(Room::summary).toList();
        session.sendInOrder(new RoomList(requestId, rooms));
    }

    /** {@code topic} from a user: only the room's creator may set it. */
    void setTopic(Session session, String name, String text, String requestId) {
        Room room = directory.find(name);
        if (room == null) {
            registry.refuse(session, RoomRules.noSuchRoom(name, requestId));
            return;
        }
        if (!room.isCreator(session.name())) {
            registry.refuse(session, new ErrorReply(requestId, ErrorCode.FORBIDDEN,
                    "Only the person who created #" + room.name() + " or the host can set its topic."));
            return;
        }
        String problem = RoomRules.topicProblem(text);
        if (problem != null) {
            registry.refuse(session, new ErrorReply(requestId, ErrorCode.INVALID_TEXT, problem));
            return;
        }
        changeTopic(room, text, session.name());
    }

    /** The operator sets a topic; {@code by} is absent in the frame. */
    void setTopicAsOperator(String name, String text) {
        Room room = directory.find(name);
        if (room == null) {
            throw new IllegalArgumentException("There is no room #" + name + ".");
        }
        String problem = RoomRules.topicProblem(text);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        changeTopic(room, text, null);
    }

    /** The operator creates a room that stays when empty. */
    RoomInfo create(String name, String topic) {
        String problem = Names.roomProblem(name).orElse(null);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (directory.find(name) != null) {
            throw new IllegalArgumentException("There is already a room #" + directory.find(name).name() + ".");
        }
        Room lookalike = directory.lookalike(name);
        if (lookalike != null) {
            throw new IllegalArgumentException(RoomRules.lookalikeProblem(name, lookalike.name()));
        }
        String topicProblem = RoomRules.topicProblem(topic == null ? "" : topic);
        if (topicProblem != null) {
            throw new IllegalArgumentException(topicProblem);
        }
        Room room = seed(directory.create(name, null, true));
        room.setTopic(topic == null ? "" : topic.strip());
        roomChanged(room);
        return room.info();
    }

    /** The operator deletes a room: each member is told with a {@code left} of its own name, reason room_closed. */
    boolean delete(String name) {
        Room room = directory.find(name);
        if (room == null) {
            return false;
        }
        if (room == directory.general()) {
            throw new IllegalArgumentException("#general cannot be deleted: every user is in it after logging in.");
        }
        Instant now = now();
        for (Member member : List.copyOf(room.members())) {
            Session session = (Session) member;
            leaveRoom(session, room);
            session.sendInOrder(new Left(session.name(), room.name(), LeaveReason.ROOM_CLOSED, null, now));
        }
        remove(room);
        return true;
    }

    /** The operator's announcement to one room's members; returns how many it reached. */
    int announce(String name, String text) {
        Room room = directory.find(name);
        if (room == null) {
            throw new IllegalArgumentException("There is no room #" + name + ".");
        }
        Instant now = now();
        int recipients = FanOut.send(outbox, new Announcement(text, room.name(), now), room.members(), m -> true);
        events.publish(new ServerEvent.Announced(now, text, recipients));
        return recipients;
    }

    /** Takes a user who leaves the server out of every room; returns the rooms it was in. */
    List<Room> leaveAll(Session session) {
        List<Room> left = List.copyOf(session.rooms());
        for (Room room : left) {
            leaveRoom(session, room);
            roomChanged(room);
        }
        return left;
    }

    /** The room of this name, or null. */
    Room find(String name) {
        return directory.find(name);
    }

    /** Clears a room's replay buffer and its stored history of an earlier run; the store clears its own. */
    void forgetHistory(String name) {
        Room room = directory.find(name);
        if (room != null) {
            room.forgetHistory();
            roomChanged(room);
        }
        storedRecent.remove(org.natter.common.protocol.Names.key(org.natter.common.protocol.Names.normalize(name)));
    }

    List<RoomInfo> snapshot() {
        return directory.sorted().stream().map(Room::info).toList();
    }

    private void enter(Session session, Room room) {
        room.add(session);
        room.setEmptySince(-1);
        session.rooms().add(room);
        session.roomsChanged();
    }

    private void leaveRoom(Session session, Room room) {
        room.remove(session);
        session.rooms().remove(room);
        session.roomsChanged();
        if (room.size() == 0 && !room.isPermanent()) {
            scheduleRemoval(room);
        }
    }

    /** An empty room a user created goes after the grace, unless someone joined it meanwhile. */
    private void scheduleRemoval(Room room) {
        long mark = System.nanoTime();
        room.setEmptySince(mark);
        long grace = settings.get().rooms().emptyRoomGrace().toMillis();
        Runnable check = () -> {
            if (directory.contains(room) && room.size() == 0 && room.emptySince() == mark) {
                remove(room);
            }
        };
        if (grace == 0) {
            check.run();
            return;
        }
        try {
            sequencer.schedule(check, grace, TimeUnit.MILLISECONDS);
        } catch (UnsupportedOperationException | java.util.concurrent.RejectedExecutionException e) {
            // A sequencer without timers (tests) or one shutting down: the room stays until the next start.
        }
    }

    private void remove(Room room) {
        directory.remove(room);
        events.publish(new ServerEvent.RoomRemoved(Instant.now(), room.name()));
    }

    private void changeTopic(Room room, String text, String by) {
        room.setTopic(text.strip());
        FanOut.send(outbox, new TopicChanged(room.name(), room.topic(), by, now()), room, Member::speaksRooms);
        roomChanged(room);
    }

    private Room memberRoom(Session session, String name, String requestId) {
        String problem = Names.roomProblem(name).orElse(null);
        if (problem != null) {
            registry.refuse(session, new ErrorReply(requestId, ErrorCode.INVALID_ROOM, problem));
            return null;
        }
        Room room = directory.find(name);
        if (room == null) {
            registry.refuse(session, RoomRules.noSuchRoom(name, requestId));
            return null;
        }
        if (!room.contains(session)) {
            registry.refuse(session, new ErrorReply(requestId, ErrorCode.NOT_IN_ROOM,
                    "You are not in #" + room.name() + ". Join it first."));
            return null;
        }
        return room;
    }

    /** Tells the operator's views the room's new state. */
    void roomChanged(Room room) {
        updates.changed(room);
    }

    private static Instant now() {
        return SessionRegistry.now();
    }
}
