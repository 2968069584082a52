package org.natter.common.protocol;

import java.util.List;

/**
 * {@code login_ok}: the login was accepted.
 *
 * @param number  this user's number in the order of logins since the server started (1 for the first)
 * @param text    "You are user number N." for a person to read
 * @param users   every logged-in name, this one included, sorted ignoring case
 * @param welcome the welcome text the server's operator set, or {@code null}
 * @param rooms   the rooms you are in now (at login: {@code general}), each with its topic and members
 */
public record LoginOk(String re, String name, int number, String text, List<String> users, String welcome,
                      List<RoomState> rooms) implements ServerFrame {

    public LoginOk {
        users = users == null ? List.of() : List.copyOf(users);
        rooms = rooms == null ? List.of() : List.copyOf(rooms);
    }

    /** A login answer without rooms, as a version-1 server sends it. */
    public LoginOk(String re, String name, int number, String text, List<String> users, String welcome) {
        this(re, name, number, text, users, welcome, List.of());
    }
}
