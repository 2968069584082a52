package org.natter.server.core.room;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.Names;

/**
 * Who may post in a room and how often: a moderated room takes messages only from the users the operator allows
 * (the operator's announcements always go out); a room in slow mode takes one message per user every so often.
 * Owned by the chat's sequencer, like its {@link Room}; lives as long as the room (a server run).
 */
public final class RoomPolicy {

    /** The slow mode's interval at most. */
    public static final Duration MAX_SLOW_MODE = Duration.ofHours(1);
    /** Names the operator may allow to write in one moderated room. */
    public static final int MAX_ALLOWED = 500;

    private boolean moderated;
    /** Allowed names by key, as the operator typed them. */
    private final Map<String, String> allowed = new TreeMap<>();
    private Duration slowMode = Duration.ZERO;
    /** When each user (by key) last posted, while slow mode is on. */
    private final Map<String, Instant> lastPost = new HashMap<>();

    public boolean isModerated() {
        return moderated;
    }

    public void setModerated(boolean on) {
        moderated = on;
    }

    /** The names allowed to write while the room is moderated, sorted. */
    public List<String> allowed() {
        return List.copyOf(allowed.values());
    }

    /**
     * @return false when the name was allowed already
     * @throws IllegalArgumentException when the list is full
     */
    public boolean allow(String name) {
        String key = Names.key(name);
        if (!allowed.containsKey(key) && allowed.size() >= MAX_ALLOWED) {
            throw new IllegalArgumentException("A room can allow at most " + MAX_ALLOWED + " people to write.");
        }
        return allowed.put(key, Names.normalize(name)) == null;
    }

    /** @return false when the name was not allowed */
    public boolean disallow(String name) {
        return allowed.remove(Names.key(name)) != null;
    }

    /** Zero when slow mode is off. */
    public Duration slowMode() {
        return slowMode;
    }

    /** @throws IllegalArgumentException for a negative interval or one over {@link #MAX_SLOW_MODE} */
    public void setSlowMode(Duration interval) {
        Duration value = interval == null ? Duration.ZERO : interval;
        if (value.isNegative() || value.compareTo(MAX_SLOW_MODE) > 0) {
            throw new IllegalArgumentException("Slow mode is 1 second to 1 hour between two messages of one person.");
        }
        slowMode = value;
        lastPost.clear();
    }

    /** Why {@code name} may not post in the room now, or null when it may. */
    public ErrorReply refusal(String room, String name, Instant now, String requestId) {
        if (moderated && !allowed.containsKey(Names.key(name))) {
            return new ErrorReply(requestId, ErrorCode.FORBIDDEN, "#" + room + " is moderated: only the host and"
                    + " the people they allow may write in it. You can still read.");
        }
        if (!slowMode.isZero()) {
            Instant last = lastPost.get(Names.key(name));
            if (last != null) {
                Duration wait = Duration.between(now, last.plus(slowMode));
                if (wait.compareTo(Duration.ZERO) > 0) {
                    long seconds = (wait.toMillis() + 999) / 1000;
                    return new ErrorReply(requestId, ErrorCode.RATE_LIMITED, "#" + room + " is in slow mode: one message"
                            + " every " + seconds(slowMode) + " per person. You may write again in " + seconds + " s.");
                }
            }
        }
        return null;
    }

    /** Notes a message that went out, for the slow mode. */
    public void posted(String name, Instant now) {
        if (slowMode.isZero()) {
            return;
        }
        if (lastPost.size() > 10_000) {
            // Only the posts of the last interval count; older ones can go.
            lastPost.values().removeIf(at -> !at.plus(slowMode).isAfter(now));
        }
        lastPost.put(Names.key(name), now);
    }

    private static String seconds(Duration interval) {
        long s = interval.toSeconds();
        return s % 60 == 0 && s >= 60 ? s / 60 + " min" : s + " s";
    }
}
