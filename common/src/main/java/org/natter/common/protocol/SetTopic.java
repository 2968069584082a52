package org.natter.common.protocol;

/** {@code topic} (from a client): sets a room's topic; empty text clears it. */
public record SetTopic(String id, String room, String text) implements ClientFrame {

    @Override
    public String requestId() {
        return id;
    }

    @Override
    public void accept(ClientFrameVisitor visitor) {
        visitor.setTopic(this);
    }
}
