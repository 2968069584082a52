package org.natter.common.protocol;

/** {@code ping}: either side asks the other to show it is alive; the answer is {@code pong}. */
public record Ping(String id) implements ClientFrame, ServerFrame {

    @Override
    public String requestId() {
        return id;
    }

    @Override
    public void accept(ClientFrameVisitor visitor) {
        visitor.ping(this);
    }
}
