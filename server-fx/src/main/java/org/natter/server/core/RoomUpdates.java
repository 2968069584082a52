package org.natter.server.core;

import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.natter.common.model.ServerEvent;
import org.natter.server.core.room.Room;

/**
 * Tells the operator's listeners that a room changed ({@link ServerEvent.RoomUpdated}, which carries every
 * member's name): at once when the room was quiet, else at most once every {@link #EVERY} with its latest state.
 * A login storm changes {@code general} with every login; one update per login would cost O(N) each, O(N²) in
 * all, for a list the operator cannot read that fast anyway.
 *
 * <p>Owned by the chat's sequencer: every method runs there.
 */
final class RoomUpdates {

    static final Duration EVERY = Duration.ofMillis(200);

    private final EventExecutor sequencer;
    private final ServerEvents events;
    /** Is the room still one of the server's? A room deleted meanwhile is not told about again. */
    private final Predicate<Room> exists;
    /**
     * When each room's last update was told, in {@link System#nanoTime()}. Weak (a room has identity equality):
     * a deleted room, never changed again, does not stay here with its replay buffer.
     */
    private final Map<Room, Long> lastTold = new WeakHashMap<>();
    private final Set<Room> waiting = new LinkedHashSet<>();
    private boolean scheduled;

    RoomUpdates(EventExecutor sequencer, ServerEvents events, Predicate<Room> exists) {
        this.sequencer = sequencer;
        this.events = events;
        this.exists = exists;
    }

    void changed(Room room) {
        if (!exists.test(room)) {
            lastTold.remove(room);
            waiting.remove(room);
            return;
        }
        long now = System.nanoTime();
        Long last = lastTold.get(room);
        if (!waiting.contains(room) && (last == null || now - last >= EVERY.toNanos())) {
            tell(room, now);
            return;
        }
        waiting.add(room);
        schedule();
    }

    private void schedule() {
        if (scheduled) {
            return;
        }
        scheduled = true;
        try {
            sequencer.schedule(this::flush, EVERY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (UnsupportedOperationException | RejectedExecutionException e) {
            // A sequencer without timers (tests) or one stopping: the update goes out now.
            flush();
        }
    }

    private void flush() {
        scheduled = false;
        long now = System.nanoTime();
        for (Room room : waiting) {
            if (exists.test(room)) {
                tell(room, now);
            } else {
                lastTold.remove(room);
            }
        }
        waiting.clear();
    }

    private void tell(Room room, long now) {
        lastTold.put(room, now);
        events.publish(new ServerEvent.RoomUpdated(Instant.now(), room.info()));
    }
}
