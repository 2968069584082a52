package org.natter.common.protocol;

/**
 * {@code say}: sends {@code text} to a room ({@code room}, by default {@code general}) or, with {@code to}, to one
 * user as a direct message. {@code room} and {@code to} together are refused.
 */
public record Say(String id, String text, String room, String to) implements ClientFrame {

    /** A message to {@code general}, as a version-1 client sends it. */
    public Say(String id, String text) {
        this(id, text, null, null);
    }

    @Override
    public String requestId() {
        return id;
    }

    @Override
    public void accept(ClientFrameVisitor visitor) {
        visitor.say(this);
    }
}
