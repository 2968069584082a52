package org.natter.server.core.moderation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The audit trail of a run without a database: the latest {@value #CAPACITY} entries in memory, gone when the
 * process ends. Thread-safe (the operator's threads write, the window's background executor reads).
 */
public final class RecentAudit {

    public static final int CAPACITY = 10_000;

    private final Deque<AuditEntry> entries = new ArrayDeque<>();

    public synchronized void add(AuditEntry entry) {
        entries.addLast(entry);
        if (entries.size() > CAPACITY) {
            entries.removeFirst();
        }
    }

    /** The latest {@code limit} entries, newest first. */
    public synchronized List<AuditEntry> latest(int limit) {
        List<AuditEntry> newest = new ArrayList<>(Math.min(limit, entries.size()));
        for (Iterator<AuditEntry> it = entries.descendingIterator(); it.hasNext() && newest.size() < limit; ) {
            newest.add(it.next());
        }
        return newest;
    }
}
