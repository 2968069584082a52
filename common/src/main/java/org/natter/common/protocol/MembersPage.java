package org.natter.common.protocol;

import java.util.List;

/**
 * {@code members}: one page of a room's members, sent to a version-3 client right after the {@code room} frame
 * that announced them ({@code room.count}), in order, until the page with {@code more} false.
 *
 * @param names at most {@link ProtocolLimits#NAMES_PER_PAGE} names, sorted ignoring case, continuing the page before
 * @param more  true when another page follows
 */
public record MembersPage(String room, List<String> names, boolean more) implements ServerFrame {

    public MembersPage {
        names = names == null ? List.of() : List.copyOf(names);
    }
}
