package org.natter.server.core;

import io.netty.util.concurrent.EventExecutor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.natter.common.protocol.Joined;
import org.natter.common.protocol.Left;
import org.natter.common.protocol.Names;
import org.natter.common.protocol.Presence;
import org.natter.common.protocol.ProtocolLimits;
import org.natter.server.core.room.FanOut;
import org.natter.server.core.room.Member;
import org.natter.server.core.room.Outbox;
import org.natter.server.core.room.Room;

/**
 * Logins and leaves of the server (logout, quit, lost), told to version-2 members of {@code general}. While it is
 * quiet each goes out at once as a {@code joined} or {@code left} of its own, as before. In a storm (more than
 * {@link #SINGLES_PER_WINDOW} in a window of {@link #EVERY}, and for as long as the windows stay that busy) they
 * are gathered into {@code presence} frames at most every {@link #EVERY}: N logins then cost the version-2
 * clients a few frames per 200 ms in all rather than N x N. Version-1 members always get the single frames.
 *
 * <p>Order: the batch is flushed before any other broadcast (the outbox's barrier) and before a direct message,
 * so every event a client receives after a presence frame happened after what that frame reports, as before.
 * Owned by the chat's sequencer: every method runs there.
 */
final class PresenceBatch {

    static final Duration EVERY = Duration.ofMillis(200);

    /** Logins and leaves a quiet window sends one by one; past this the batching starts. */
    static final int SINGLES_PER_WINDOW = 10;

    /** Keeps each frame well under the protocol's line limit: names are at most 24 characters (96 bytes). */
    private static final int MAX_FRAME_NAME_BYTES = ProtocolLimits.MAX_FRAME_BYTES / 2;

    private final EventExecutor sequencer;
    private final Outbox outbox;
    private final Room general;
    /** By name key; a name that leaves and comes back within a batch is only in {@code joined}. */
    private final Map<String, String> joined = new LinkedHashMap<>();
    private final Map<String, String> left = new LinkedHashMap<>();
    private boolean scheduled;
    private long windowStart = System.nanoTime() - EVERY.toNanos();
    private int inWindow;
    private boolean lastWindowBusy;

    PresenceBatch(EventExecutor sequencer, Outbox outbox, Room general) {
        this.sequencer = sequencer;
        this.outbox = outbox;
        this.general = general;
    }

    /** A user logged in: the other members of general are told, now or in the next batch. */
    void joined(Member who, Joined frame) {
        if (quiet()) {
            FanOut.sendPresence(outbox, frame, general, m -> m != who);
            return;
        }
        if (general.hasVersionOneMembers()) {
            FanOut.sendPresence(outbox, frame, general, m -> m != who && !m.speaksRooms());
        }
        String key = Names.key(frame.name());
        left.remove(key);
        joined.put(key, frame.name());
        schedule();
    }

    /**
     * A user left the server: everyone in the rooms it was in (it is out of them now) is told, now or in the next
     * batch. In a storm that costs nothing per leave unless a version-1 client must hear of it alone.
     */
    void left(Left frame, List<Room> itsRooms) {
        if (quiet()) {
            FanOut.sendPresence(outbox, frame, audience(itsRooms), m -> true);
            return;
        }
        if (itsRooms.stream().anyMatch(Room::hasVersionOneMembers)) {
            FanOut.sendPresence(outbox, frame, audience(itsRooms), m -> !m.speaksRooms());
        }
        left.put(Names.key(frame.name()), frame.name());
        schedule();
    }

    /** The members of these rooms, each once (the members of the one room, when it is one: no copy). */
    static Iterable<? extends Member> audience(List<Room> rooms) {
        if (rooms.size() == 1) {
            return rooms.get(0).members();
        }
        java.util.Set<Member> audience = new java.util.LinkedHashSet<>();
        rooms.forEach(room -> audience.addAll(room.members()));
        return audience;
    }

    /** Counts this event in its window; true when it may go out alone. */
    private boolean quiet() {
        long now = System.nanoTime();
        if (now - windowStart >= EVERY.toNanos()) {
            lastWindowBusy = inWindow > SINGLES_PER_WINDOW && now - windowStart < 2 * EVERY.toNanos();
            windowStart = now;
            inWindow = 0;
        }
        inWindow++;
        return !scheduled && !lastWindowBusy && inWindow <= SINGLES_PER_WINDOW;
    }

    /** Sends what is pending now, in as many frames as the line limit needs: every join before every leave. */
    void flush() {
        if (joined.isEmpty() && left.isEmpty()) {
            return;
        }
        java.time.Instant now = SessionRegistry.now();
        for (List<String> names : chunks(joined.values())) {
            FanOut.sendPresence(outbox, new Presence(general.name(), names, List.of(), now), general, Member::speaksRooms);
        }
        for (List<String> names : chunks(left.values())) {
            FanOut.sendPresence(outbox, new Presence(general.name(), List.of(), names, now), general, Member::speaksRooms);
        }
        joined.clear();
        left.clear();
    }

    private void schedule() {
        if (scheduled) {
            return;
        }
        scheduled = true;
        try {
            sequencer.schedule(() -> {
                scheduled = false;
                flush();
            }, EVERY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (UnsupportedOperationException | RejectedExecutionException e) {
            // A sequencer without timers (tests) or one stopping: no batching, the change goes out now.
            scheduled = false;
            flush();
        }
    }

    private static List<List<String>> chunks(Iterable<String> names) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> chunk = new ArrayList<>();
        int bytes = 0;
        for (String name : names) {
            int size = name.getBytes(StandardCharsets.UTF_8).length + 3;
            if (bytes + size > MAX_FRAME_NAME_BYTES && !chunk.isEmpty()) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                bytes = 0;
            }
            chunk.add(name);
            bytes += size;
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }
}
