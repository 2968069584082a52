package org.natter.common.protocol;

/** {@code login}: asks to join the chat under {@code name}. Answered by {@code login_ok} or {@code error}. */
public record Login(String id, String name) implements ClientFrame {

    @Override
    public String requestId() {
        return id;
    }

    @Override
    public void accept(ClientFrameVisitor visitor) {
        visitor.login(this);
    }
}
