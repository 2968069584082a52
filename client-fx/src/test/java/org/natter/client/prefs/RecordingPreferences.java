package org.natter.client.prefs;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.prefs.AbstractPreferences;

/** A preferences node in memory that records which thread stored and flushed, to catch I/O on the wrong thread. */
final class RecordingPreferences extends AbstractPreferences {

    final Map<String, String> values = new ConcurrentHashMap<>();
    final List<String> writerThreads = new CopyOnWriteArrayList<>();

    RecordingPreferences() {
        super(null, "");
    }

    @Override
    protected void putSpi(String key, String value) {
        writerThreads.add(Thread.currentThread().getName());
        values.put(key, value);
    }

    @Override
    protected String getSpi(String key) {
        return values.get(key);
    }

    @Override
    protected void removeSpi(String key) {
        writerThreads.add(Thread.currentThread().getName());
        values.remove(key);
    }

    @Override
    protected void removeNodeSpi() {
        values.clear();
    }

    @Override
    protected String[] keysSpi() {
        return values.keySet().toArray(String[]::new);
    }

    @Override
    protected String[] childrenNamesSpi() {
        return new String[0];
    }

    @Override
    protected AbstractPreferences childSpi(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    protected void syncSpi() {
    }

    @Override
    protected void flushSpi() {
        writerThreads.add(Thread.currentThread().getName());
    }
}
