package org.natter.server.core.moderation;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Refused logins per address: after {@link #MAX_FAILURES} refused logins (a banned name, a name that is taken or
 * breaks the rules, ...) within {@link #WINDOW}, every login from that address is refused for {@link #LOCKOUT},
 * so that one machine cannot try name after name. Owned by the chat's sequencer (logins run there): no locking.
 */
public final class LoginFailures {

    public static final int MAX_FAILURES = 10;
    public static final Duration WINDOW = Duration.ofMinutes(1);
    public static final Duration LOCKOUT = Duration.ofMinutes(1);
    /** Addresses remembered at most; past this, those with nothing recent are forgotten. */
    static final int MAX_ADDRESSES = 10_000;

    private static final class Record {
        final Deque<Instant> failures = new ArrayDeque<>();
        Instant lockedUntil;
    }

    private final Map<InetAddress, Record> byAddress = new HashMap<>();

    /** Why logins from {@code address} are refused now (a sentence for the client), or null when they are not. */
    public String lockedSentence(InetAddress address, Instant now) {
        Record record = byAddress.get(address);
        if (record == null || record.lockedUntil == null || !record.lockedUntil.isAfter(now)) {
            return null;
        }
        long seconds = (Duration.between(now, record.lockedUntil).toMillis() + 999) / 1000;
        return "Too many refused logins from your address. Try again in " + seconds + " s.";
    }

    /**
     * Counts a refused login from {@code address}.
     *
     * @return true when this one locked the address
     */
    public boolean failed(InetAddress address, Instant now) {
        if (byAddress.size() >= MAX_ADDRESSES && !byAddress.containsKey(address)) {
            byAddress.values().removeIf(r -> quiet(r, now));
        }
        Record record = byAddress.computeIfAbsent(address, a -> new Record());
        Instant windowStart = now.minus(WINDOW);
        while (!record.failures.isEmpty() && !record.failures.peekFirst().isAfter(windowStart)) {
            record.failures.pollFirst();
        }
        record.failures.addLast(now);
        if (record.failures.size() >= MAX_FAILURES) {
            record.failures.clear();
            record.lockedUntil = now.plus(LOCKOUT);
            return true;
        }
        return false;
    }

    private static boolean quiet(Record record, Instant now) {
        boolean locked = record.lockedUntil != null && record.lockedUntil.isAfter(now);
        return !locked && (record.failures.isEmpty() || !record.failures.peekLast().isAfter(now.minus(WINDOW)));
    }
}
