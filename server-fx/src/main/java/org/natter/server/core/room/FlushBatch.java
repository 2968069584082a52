package org.natter.server.core.room;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

/**
 * The members one I/O thread wrote broadcasts to without flushing, flushed together once that thread has run the
 * tasks queued before the first of them. A burst of broadcasts (many fan-out tasks waiting on the thread) thus
 * costs each connection one flush, one system call, instead of one per message. Owned by its I/O thread: one
 * instance per thread, no locking.
 */
public final class FlushBatch {

    private static final FastThreadLocal<FlushBatch> OF_THREAD = new FastThreadLocal<>() {
        @Override
        protected FlushBatch initialValue() {
            return new FlushBatch();
        }
    };

    private List<Member> pending = new ArrayList<>();
    private List<Member> spare = new ArrayList<>();
    private boolean scheduled;

    private FlushBatch() {
    }

    /**
     * Remembers that {@code member} has unflushed writes; on {@code loop}'s own thread, once per member until it
     * is flushed (the member keeps the flag).
     */
    public static void add(EventLoop loop, Member member) {
        FlushBatch batch = OF_THREAD.get();
        batch.pending.add(member);
        if (!batch.scheduled) {
            batch.scheduled = true;
            try {
                loop.execute(batch::flushAll);
            } catch (RejectedExecutionException e) {
                // The server is stopping: its connections are being closed, nothing is left to flush for.
                batch.scheduled = false;
                batch.pending.clear();
            }
        }
    }

    private void flushAll() {
        List<Member> now = pending;
        pending = spare;
        scheduled = false;
        for (int i = 0; i < now.size(); i++) {
            now.get(i).flushDelivered();
        }
        now.clear();
        spare = now;
    }
}
