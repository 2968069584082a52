package org.natter.common.protocol;

import java.util.List;

/**
 * {@code users}: one page of the names online, sent to a version-3 client right after its {@code login_ok}, in
 * order, until the page with {@code more} false. Together the pages are the sorted list a version-2 client gets
 * in {@code login_ok.users}; a list of thousands of names would not fit in one line.
 *
 * @param names at most {@link ProtocolLimits#NAMES_PER_PAGE} names, sorted ignoring case, continuing the page before
 * @param more  true when another page follows
 */
public record UsersPage(List<String> names, boolean more) implements ServerFrame {

    public UsersPage {
        names = names == null ? List.of() : List.copyOf(names);
    }
}
