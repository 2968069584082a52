package org.natter.common.protocol;

/** {@code rooms} (from a client): asks for the list of the server's rooms; answered by {@code rooms}. */
public record ListRooms(String id) implements ClientFrame {

    @Override
    public String requestId() {
        return id;
    }

    @Override
    public void accept(ClientFrameVisitor visitor) {
        visitor.listRooms(this);
    }
}
