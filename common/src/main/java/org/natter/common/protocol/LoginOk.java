package org.natter.common.protocol;

import java.util.List;

/**
 * {@code login_ok}: the login was accepted.
 *
 * @param number  this user's number in the order of logins since the server started (1 for the first)
 * @param text    "You are user number N." for a person to read
 * @param users   every logged-in name, this one included, sorted ignoring case
 * @param welcome the welcome text the server's operator set, or {@code null}
 */
public record LoginOk(String re, String name, int number, String text, List<String> users, String welcome)
        implements ServerFrame {

    public LoginOk {
        users = users == null ? List.of() : List.copyOf(users);
    }
}
