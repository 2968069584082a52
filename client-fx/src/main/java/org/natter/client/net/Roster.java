package org.natter.client.net;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
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
