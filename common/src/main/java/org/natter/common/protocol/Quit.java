package org.natter.common.protocol;

/** {@code quit}: leaves the chat; the server closes the connection. */
public record Quit(String id) implements ClientFrame {

    @Override
    public String requestId() {
        return id;
    }

    @Override
    public void accept(ClientFrameVisitor visitor) {
        visitor.quit(this);
    }
}
