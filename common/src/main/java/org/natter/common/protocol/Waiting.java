package org.natter.common.protocol;

/**
 * {@code waiting}: the server admits new users by hand, and this login waits for its operator. The answer to the
 * {@code login} ({@code login_ok}, or an {@code error} after which the connection closes) comes when the operator
 * decides, however long that takes; the name is kept for this connection meanwhile.
 *
 * @param re   the {@code id} of the login that waits
 * @param name the name, as the server keeps it
 * @param text a sentence for the person waiting
 */
public record Waiting(String re, String name, String text) implements ServerFrame {
}
