package org.natter.common.protocol;

/** {@code say}: sends {@code text} to everyone logged in, the sender included. */
public record Say(String id, String text) implements ClientFrame {

    @Override
    public String requestId() {
        return id;
    }

    @Override
    public void accept(ClientFrameVisitor visitor) {
        visitor.say(this);
    }
}
