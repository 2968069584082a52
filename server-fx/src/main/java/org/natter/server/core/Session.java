package org.natter.server.core;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.natter.common.model.ConnectedUser;
import org.natter.common.model.PendingHost;
import org.natter.common.protocol.ServerFrame;

/**
 * One connection: a pending host until it logs in, then a user, and maybe pending again after a logout.
 * Its phase and name change on its own I/O thread (under the registry lock for logins and leaves); other
 * threads only read them, hence volatile.
 */
final class Session {

    enum Phase { PENDING, USER, CLOSED }

    static final String TOO_SLOW = "too slow: it stopped reading what the server sent";

    private final long id;
    private final Channel channel;
    private final String address;
    private final AtomicLong messagesSent = new AtomicLong();
    private volatile Phase phase = Phase.PENDING;
    private volatile String name;
    private volatile Instant since;
    private ScheduledFuture<?> loginDeadline;
    private String closeReason;

    Session(long id, Channel channel, Instant connectedAt) {
        this.id = id;
        this.channel = channel;
        this.address = describe(channel.remoteAddress());
        this.since = connectedAt;
    }

    long id() {
        return id;
    }

    Channel channel() {
        return channel;
    }

    String address() {
        return address;
    }

    Phase phase() {
        return phase;
    }

    boolean isUser() {
        return phase == Phase.USER;
    }

    String name() {
        return name;
    }

    /** The user's name, or the address for a pending host: who to name in the log. */
    String who() {
        String current = name;
        return current != null && phase == Phase.USER ? current : address;
    }

    void becomeUser(String userName, Instant at) {
        name = userName;
        since = at;
        messagesSent.set(0);
        phase = Phase.USER;
    }

    void becomePending(Instant at) {
        name = null;
        since = at;
        phase = Phase.PENDING;
    }

    /** Marks the session closed; true only the first time, so a close is reported once. */
    boolean markClosed() {
        synchronized (this) {
            if (phase == Phase.CLOSED) {
                return false;
            }
            phase = Phase.CLOSED;
            return true;
        }
    }

    long countMessage() {
        return messagesSent.incrementAndGet();
    }

    ConnectedUser asUser() {
        return new ConnectedUser(id, name, address, since, messagesSent.get());
    }

    PendingHost asPending() {
        return new PendingHost(id, address, since);
    }

    void setLoginDeadline(ScheduledFuture<?> deadline) {
        cancelLoginDeadline();
        loginDeadline = deadline;
    }

    void cancelLoginDeadline() {
        if (loginDeadline != null) {
            loginDeadline.cancel(false);
            loginDeadline = null;
        }
    }

    /** Why the server closed this connection, if it did; read when the close is reported. */
    synchronized String closeReason() {
        return closeReason;
    }

    synchronized void setCloseReason(String reason) {
        if (closeReason == null) {
            closeReason = reason;
        }
    }

    /** Sends one frame to this client alone, unless it has stopped reading (then it is disconnected). */
    void send(ServerFrame frame) {
        if (!channel.isWritable()) {
            close(TOO_SLOW);
            return;
        }
        channel.writeAndFlush(frame, channel.voidPromise());
    }

    /** Sends a frame and closes the connection once it is written. */
    void sendAndClose(ServerFrame frame, String reason) {
        setCloseReason(reason);
        channel.writeAndFlush(frame).addListener(ChannelFutureListener.CLOSE);
    }

    void close(String reason) {
        setCloseReason(reason);
        channel.close();
    }

    /**
     * Writes already encoded bytes (a share of a broadcast). A client that has stopped reading is not given more:
     * once its queue is past the high-water mark it is disconnected, so it cannot grow server memory.
     *
     * @return false when the client was too slow and is being disconnected
     */
    boolean deliver(ByteBuf encoded) {
        if (!channel.isWritable()) {
            encoded.release();
            close(TOO_SLOW);
            return false;
        }
        channel.writeAndFlush(encoded, channel.voidPromise());
        return true;
    }

    private static String describe(SocketAddress remote) {
        if (remote instanceof InetSocketAddress inet) {
            String host = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
        return String.valueOf(remote);
    }
}
