package org.natter.client.ui.chat;

import java.util.ArrayList;
import java.util.List;
import org.natter.client.ui.I18n;

/**
 * A run of joins and leaves with nothing else between them, told in one line ("pupil41 and 58 others joined") that
 * grows as the run goes on.
 *
 * @param joined who joined, in order
 * @param left   who left, in order
 */
record Presence(List<String> joined, List<String> left) {

    Presence {
        joined = List.copyOf(joined);
        left = List.copyOf(left);
    }

    static Presence joined(String name) {
        return new Presence(List.of(name), List.of());
    }

    static Presence left(String name) {
        return new Presence(List.of(), List.of(name));
    }

    Presence and(Presence later) {
        List<String> allJoined = new ArrayList<>(joined);
        allJoined.addAll(later.joined);
        List<String> allLeft = new ArrayList<>(left);
        allLeft.addAll(later.left);
        return new Presence(allJoined, allLeft);
    }

    String describe() {
        if (left.isEmpty()) {
            return I18n.text("event.joined", names(joined));
        }
        if (joined.isEmpty()) {
            return I18n.text("event.left", names(left));
        }
        return I18n.text("event.joinedAndLeft", names(joined), names(left));
    }

    private static String names(List<String> names) {
        return switch (names.size()) {
            case 1 -> names.get(0);
            case 2 -> I18n.text("event.names.two", names.get(0), names.get(1));
            default -> I18n.text("event.names.more", names.get(0), names.size() - 1);
        };
    }
}
