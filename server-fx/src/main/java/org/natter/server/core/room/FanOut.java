package org.natter.server.core.room;

import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Predicate;
import org.natter.common.protocol.FrameCodec;
import org.natter.common.protocol.ServerFrame;

/**
 * Sends one frame to many members: encoded once, the same bytes written to each. Called on the chat's sequencer
 * only; the recipients are taken when it is called, the writes happen in the {@link Outbox}'s order. The
 * recipients are grouped by I/O thread and each thread gets one task for its group (rather than one task per
 * recipient); the group on the sequencer's own thread is written at once. Since the sequencer always reaches a
 * given member by the same path, each member receives broadcasts in the sequencer's order.
 *
 * <p>Cost per message on the sequencer: one encoding and one task per I/O thread; a room keeps its members
 * grouped by thread ({@link Room#groups()}), so nothing is sorted or copied per message. The filter ({@code who})
 * is applied on the I/O threads, so it may only read what does not change while a member is in the room (its
 * identity, its protocol version). Writes are not flushed one by one: {@link FlushBatch} flushes each connection
 * once per burst.
 */
public final class FanOut {

    /** The members of one I/O thread, as an array that is never changed once made. */
    record Group(EventLoop loop, Member[] members) {
    }

    private FanOut() {
    }

    /**
     * Sends to the given members as they are now, in the outbox's order; for the occasional broadcast to a set
     * that is not a room (an announcement to everyone, a leave).
     *
     * @param who which of the members receive it (for example: not the sender, or only clients that speak rooms)
     * @return how many members it is sent to
     */
    public static int send(Outbox outbox, ServerFrame frame, Iterable<? extends Member> members, Predicate<Member> who) {
        outbox.beforeBroadcast();
        return sendPresence(outbox, frame, members, who);
    }

    /**
     * {@link #send} without the outbox's barrier: for presence traffic (logins, leaves of the server), which the
     * barrier itself sends or which goes only to clients that get no presence batches.
     */
    public static int sendPresence(Outbox outbox, ServerFrame frame, Iterable<? extends Member> members, Predicate<Member> who) {
        List<Member> chosen = new ArrayList<>();
        for (Member member : members) {
            if (who.test(member)) {
                chosen.add(member);
            }
        }
        List<Group> groups = group(chosen);
        outbox.send(() -> write(outbox.backlog(), frame, groups, m -> true));
        return chosen.size();
    }

    /** Sends to a room's members as they are now, in the outbox's order. */
    public static void send(Outbox outbox, ServerFrame frame, Room room, Predicate<Member> who) {
        outbox.beforeBroadcast();
        sendPresence(outbox, frame, room, who);
    }

    /** {@link #send} to a room without the outbox's barrier, for presence traffic. */
    public static void sendPresence(Outbox outbox, ServerFrame frame, Room room, Predicate<Member> who) {
        List<Group> groups = room.groups();
        outbox.send(() -> write(outbox.backlog(), frame, groups, who));
    }

    /**
     * Sends a message to a room's members as they are now, once the store has committed it ({@code then} runs
     * right after, in the same turn: the sender's own copy, the replay buffer).
     */
    public static void sendAfterCommit(Outbox outbox, long id, ServerFrame frame, Room room, Predicate<Member> who,
                                       Runnable then) {
        outbox.beforeBroadcast();
        List<Group> groups = room.groups();
        outbox.afterCommit(id, () -> {
            write(outbox.backlog(), frame, groups, who);
            then.run();
        });
    }

    /** Groups members by I/O thread, keeping their order within each thread. */
    static List<Group> group(Iterable<? extends Member> members) {
        Map<EventLoop, List<Member>> byThread = new IdentityHashMap<>();
        for (Member member : members) {
            byThread.computeIfAbsent(member.eventLoop(), loop -> new ArrayList<>()).add(member);
        }
        List<Group> groups = new ArrayList<>(byThread.size());
        byThread.forEach((loop, list) -> groups.add(new Group(loop, list.toArray(Member[]::new))));
        return List.copyOf(groups);
    }

    private static void write(DeliveryBacklog backlog, ServerFrame frame, List<Group> groups, Predicate<Member> who) {
        if (groups.isEmpty()) {
            return;
        }
        // One encoding, shared by every member as an array nobody changes: no reference count to move per
        // delivery (an atomic operation on a buffer both I/O threads touch), no duplicate to allocate.
        byte[] line = FrameCodec.encodeLine(frame);
        for (Group group : groups) {
            if (group.loop().inEventLoop()) {
                deliverAll(group.members(), who, line);
            } else {
                // Counted while queued: a thread far behind makes the backlog pause the senders.
                int count = group.members().length;
                backlog.deliveriesQueued(count);
                try {
                    group.loop().execute(() -> {
                        try {
                            deliverAll(group.members(), who, line);
                        } finally {
                            backlog.deliveriesDone(count);
                        }
                    });
                } catch (RejectedExecutionException e) {
                    // The server is stopping and this thread takes no more work.
                    backlog.deliveriesDone(count);
                }
            }
        }
    }

    private static void deliverAll(Member[] group, Predicate<Member> who, byte[] line) {
        for (Member member : group) {
            if (who.test(member)) {
                member.deliver(line);
            }
        }
    }
}
