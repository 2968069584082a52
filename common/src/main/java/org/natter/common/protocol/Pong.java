package org.natter.common.protocol;

/** {@code pong}: the answer to {@code ping}; {@code re} is the ping's {@code id} when it had one. */
public record Pong(String re) implements ClientFrame, ServerFrame {

    @Override
    public String requestId() {
        return null;
    }

    @Override
    public void accept(ClientFrameVisitor visitor) {
        visitor.pong(this);
    }
}
