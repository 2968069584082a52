package org.natter.client.net;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.natter.common.protocol.Names;

/** The logged-in names as this client knows them, sorted ignoring case, one entry per {@link Names#key}. */
final class Roster {

    static final Comparator<String> ORDER = String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    private final List<String> names = new ArrayList<>();

    synchronized List<String> replace(Collection<String> all) {
        names.clear();
        all.forEach(this::addQuietly);
        return snapshot();
    }

    synchronized List<String> add(String name) {
        addQuietly(name);
        return snapshot();
    }

    synchronized List<String> remove(String name) {
        String key = Names.key(name);
        names.removeIf(existing -> Names.key(existing).equals(key));
        return snapshot();
    }

    /**
     * A presence batch in one change: {@code joined} added, then {@code left} removed. Linear in the roster's size
     * plus a sort, however many names the batch holds.
     */
    synchronized List<String> apply(Collection<String> joined, Collection<String> left) {
        Map<String, String> byKey = new LinkedHashMap<>();
        names.forEach(name -> byKey.put(Names.key(name), name));
        joined.forEach(name -> byKey.putIfAbsent(Names.key(name), name));
        left.forEach(name -> byKey.remove(Names.key(name)));
        names.clear();
        names.addAll(byKey.values());
        names.sort(ORDER);
        return snapshot();
    }

    synchronized List<String> clear() {
        names.clear();
        return List.of();
    }

    synchronized List<String> snapshot() {
        return List.copyOf(names);
    }

    private void addQuietly(String name) {
        String key = Names.key(name);
        if (names.stream().noneMatch(existing -> Names.key(existing).equals(key))) {
            names.add(name);
            names.sort(ORDER);
        }
    }
}
