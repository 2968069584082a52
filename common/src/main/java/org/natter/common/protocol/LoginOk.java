package org.natter.common.protocol;

import java.util.List;

/**
 * {@code login_ok}: the login was accepted.
 *
 * @param number  this user's number in the order of logins since the server started (1 for the first)
 * @param text    "You are user number N." for a person to read
 * @param users   every logged-in name, this one included, sorted ignoring case
 * @param welcome the welcome text the server's operator set, or {@code null}
 * @param rooms   the rooms you are in now (at login: {@code general}), each with its topic and members; empty for
 *                version 3, which gets {@code general} in the {@code room} frame that follows
 * @param userCount version 3: how many names are online; {@code users} is then empty and the names follow in
 *                {@link UsersPage users} pages. Absent ({@code null}) for versions 1 and 2.
 */
public record LoginOk(String re, String name, int number, String text, List<String> users, String welcome,
                      List<RoomState> rooms, Integer userCount) implements ServerFrame {

    public LoginOk {
        users = users == null ? List.of() : List.copyOf(users);
        rooms = rooms == null ? List.of() : List.copyOf(rooms);
    }

    /** A version-2 login answer: every name in {@code users}. */
    public LoginOk(String re, String name, int number, String text, List<String> users, String welcome,
                   List<RoomState> rooms) {
        this(re, name, number, text, users, welcome, rooms, null);
    }

    /** True when the names follow in {@code users} pages (version 3). */
    public boolean namesFollow() {
        return userCount != null;
    }

    /** The same answer with the names that came in pages. */
    public LoginOk withUsers(List<String> names) {
        return new LoginOk(re, name, number, text, names, welcome, rooms, null);
    }

    /** A login answer without rooms, as a version-1 server sends it. */
    public LoginOk(String re, String name, int number, String text, List<String> users, String welcome) {
        this(re, name, number, text, users, welcome, List.of());
    }
}
