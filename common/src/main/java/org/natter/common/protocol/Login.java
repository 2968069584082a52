package org.natter.common.protocol;

/**
 * {@code login}: asks to join the chat under {@code name}. Answered by {@code login_ok} or {@code error}.
 *
 * @param version  the protocol version the client speaks; absent (null) means 1, a client that knows nothing of
 *                 rooms and is sent nothing of them
 * @param password the server's password, for a server whose {@code welcome} asked for one; absent otherwise
 */
public record Login(String id, String name, Integer version, String password) implements ClientFrame {

    /** A version-1 login, as clients that know nothing of rooms send it. */
    public Login(String id, String name) {
        this(id, name, null, null);
    }

    /** A login without a password. */
    public Login(String id, String name, Integer version) {
        this(id, name, version, null);
    }

    /** The version the client speaks: 1 when it did not say. */
    public int protocolVersion() {
        return version == null ? 1 : version;
    }

    @Override
    public String requestId() {
        return id;
    }

    @Override
    public void accept(ClientFrameVisitor visitor) {
        visitor.login(this);
    }

    /** Never shows the password, so that a login written to a log does not give it away. */
    @Override
    public String toString() {
        return "Login[id=" + id + ", name=" + name + ", version=" + version
                + (password == null ? "" : ", password=(hidden)") + "]";
    }
}
