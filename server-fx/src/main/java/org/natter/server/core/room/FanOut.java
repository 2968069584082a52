package org.natter.server.core.room;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
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
 * only; the recipients are taken when it is called, the writes happen in the {@link Outbox}'s order. The recipients are grouped by I/O thread and each thread gets one task for its group (rather than one
 * task per recipient); the group on the sequencer's own thread is written at once. Since the sequencer always
 * reaches a given member by the same path, each member receives broadcasts in the sequencer's order.
 */
public final class FanOut {

    private FanOut() {
    }

    /**
     * Sends to the members as they are now, in the outbox's order.
     *
     * @param who which of the members receive it (for example: not the sender, or only clients that speak rooms)
     * @return how many members it is sent to
     */
    public static int send(Outbox outbox, ServerFrame frame, Iterable<? extends Member> members, Predicate<Member> who) {
        Map<EventLoop, List<Member>> byThread = recipients(members, who);
        outbox.send(() -> write(frame, byThread));
        return byThread.values().stream().mapToInt(List::size).sum();
    }

    /**
     * Sends a message to the members as they are now, once the store has committed it ({@code then} runs right
     * after, in the same turn: the sender's own copy, the replay buffer).
     */
    public static void sendAfterCommit(Outbox outbox, long id, ServerFrame frame, Iterable<? extends Member> members,
                                       Predicate<Member> who, Runnable then) {
        Map<EventLoop, List<Member>> byThread = recipients(members, who);
        outbox.afterCommit(id, () -> {
            write(frame, byThread);
            then.run();
        });
    }

    private static Map<EventLoop, List<Member>> recipients(Iterable<? extends Member> members, Predicate<Member> who) {
        Map<EventLoop, List<Member>> byThread = new IdentityHashMap<>();
        for (Member member : members) {
            if (who.test(member)) {
                byThread.computeIfAbsent(member.eventLoop(), loop -> new ArrayList<>()).add(member);
            }
        }
        return byThread;
    }

    private static void write(ServerFrame frame, Map<EventLoop, List<Member>> byThread) {
        if (byThread.isEmpty()) {
            return;
        }
        byte[] line = FrameCodec.encodeLine(frame);
        ByteBuf encoded = PooledByteBufAllocator.DEFAULT.directBuffer(line.length).writeBytes(line);
        try {
            for (Map.Entry<EventLoop, List<Member>> entry : byThread.entrySet()) {
                List<Member> group = entry.getValue();
                ByteBuf share = encoded.retainedDuplicate();
                Runnable write = () -> deliverAll(group, share);
                if (entry.getKey().inEventLoop()) {
                    write.run();
                } else {
                    try {
                        entry.getKey().execute(write);
                    } catch (RejectedExecutionException e) {
                        // The server is stopping and this thread takes no more work.
                        share.release();
                    }
                }
            }
        } finally {
            encoded.release();
        }
    }

    private static void deliverAll(List<Member> group, ByteBuf share) {
        try {
            for (Member member : group) {
                member.deliver(share.retainedDuplicate());
            }
        } finally {
            share.release();
        }
    }
}
