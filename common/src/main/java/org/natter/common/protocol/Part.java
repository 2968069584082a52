package org.natter.common.protocol;

/** {@code part}: leaves a room and stays connected; answered by {@code parted}. */
public record Part(String id, String room) implements ClientFrame {

    @Override
    public String requestId() {
        return id;
    }

    @Override
    public void accept(ClientFrameVisitor visitor) {
        visitor.part(this);
    }
}
