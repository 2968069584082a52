package org.natter.common.protocol;

/** {@code join}: enters a room, creating it if it does not exist and the server allows that. */
public record Join(String id, String room) implements ClientFrame {

    @Override
    public String requestId() {
        return id;
    }

    @Override
    public void accept(ClientFrameVisitor visitor) {
        visitor.join(this);
    }
}
