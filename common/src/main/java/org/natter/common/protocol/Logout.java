package org.natter.common.protocol;

/** {@code logout}: leaves the chat but keeps the connection open; answered by {@code logged_out}. */
public record Logout(String id) implements ClientFrame {

    @Override
    public String requestId() {
        return id;
    }

    @Override
    public void accept(ClientFrameVisitor visitor) {
        visitor.logout(this);
    }
}
