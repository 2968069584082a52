package org.natter.server.core;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.natter.common.model.ConnectedUser;
import org.natter.common.model.PendingHost;
import org.natter.common.protocol.ServerFrame;
import org.natter.server.core.room.FlushBatch;
import org.natter.server.core.room.Member;
import org.natter.server.core.room.Outbox;
import org.natter.server.core.room.Room;

/**
 * One connection: a pending host until it logs in, then a user, and maybe pending again after a logout.
 *
 * <p>Threads: its phase and name change on the chat sequencer only (logins, leaves, closes), except for the
 * refusal of a connection beyond the limit; other threads only read them, hence volatile. Writes to the channel
 * come from two places: its own I/O thread ({@link #send}, {@link #deliver}, which leaves the flush to
 * {@link FlushBatch}) and the sequencer
 * ({@link #sendInOrder}, which hops to the I/O thread when it is another one). Since the sequencer always takes
 * the same path to a given connection, everything it sends reaches that client in the sequencer's order.
 */
final class Session implements Member {

    enum Phase { PENDING, USER, CLOSED }

    static final String TOO_SLOW = "too slow: it stopped reading what the server sent";

    /**
     * How long a last frame before a close (kicked, server stopped, server full) may take to leave. A client that
     * stopped reading would otherwise hold its connection open for ever.
     */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(3);

    /** Gathered broadcast bytes are handed to the channel at this size, so its high-water mark sees them. */
    private static final int GATHER_LIMIT = 16 * 1024;

    private final long id;
    /** The sequencer's outbox: what the sequencer sends waits there behind messages not yet stored. */
    private final Outbox outbox;
    private final Channel channel;
    private final String address;
    private final AtomicLong messagesSent = new AtomicLong();
    private volatile Phase phase = Phase.PENDING;
    private volatile String name;
    /** The name its login waits under in the {@link WaitingRoom}, or null; set by the sequencer. */
    private volatile String heldName;
    private volatile Instant since;
    private volatile ScheduledFuture<?> loginDeadline;
    /** The rooms this user is in; the sequencer's alone. */
    private final Set<Room> rooms = new LinkedHashSet<>();
    private volatile int protocolVersion = 1;
    /** The rooms' names for snapshots from other threads; replaced whole by the sequencer on each change. */
    private volatile List<String> roomNames = List.of();
    private String closeReason;
    /** Broadcasts were written and wait for {@link FlushBatch}; the I/O thread's alone. */
    private boolean flushQueued;
    /**
     * Broadcast bytes gathered since the last flush, written to the channel as one buffer: one outbound entry per
     * burst instead of one per message, which is most of what a delivery costs. The I/O thread's alone.
     */
    private ByteBuf gathered;

    Session(long id, Channel channel, Instant connectedAt, Outbox outbox) {
        this.id = id;
        this.outbox = outbox;
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

    /** The remote address, or null when the channel has none (tests). */
    java.net.InetAddress inetAddress() {
        return channel.remoteAddress() instanceof InetSocketAddress inet ? inet.getAddress() : null;
    }

    Phase phase() {
        return phase;
    }

    boolean isUser() {
        return phase == Phase.USER;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean speaksRooms() {
        return protocolVersion >= 2;
    }

    /** True when lists of names go to this client in pages ({@code users}, {@code members}): version 3. */
    boolean takesNamePages() {
        return protocolVersion >= 3;
    }

    /** The version the client asked for, at most the newest this server speaks (a newer client is served as such). */
    void setProtocolVersion(int version) {
        protocolVersion = Math.max(1, Math.min(version, org.natter.common.protocol.ProtocolLimits.PROTOCOL_VERSION));
    }

    @Override
    public EventLoop eventLoop() {
        return channel.eventLoop();
    }

    /** The rooms this user is in. Sequencer only. */
    Set<Room> rooms() {
        return rooms;
    }

    /** Records that this user entered or left a room. Sequencer only. */
    void roomsChanged() {
        roomNames = rooms.stream().map(Room::name).sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    /** The user's name, or the address for a pending host: who to name in the log. */
    String who() {
        String current = name;
        return current != null && phase == Phase.USER ? current : address;
    }

    /** Marks this pending host as waiting to be let in under {@code waitingName}, or no longer (null). Sequencer only. */
    void holdAs(String waitingName) {
        heldName = waitingName;
    }

    /** The name this pending host waits to be let in under, or null. */
    String heldName() {
        return heldName;
    }

    void becomeUser(String userName, Instant at) {
        name = userName;
        since = at;
        messagesSent.set(0);
        phase = Phase.USER;
    }

    void becomePending(Instant at) {
        name = null;
        rooms.clear();
        roomNames = List.of();
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
        return new ConnectedUser(id, name, address, since, messagesSent.get(), roomNames);
    }

    PendingHost asPending() {
        return new PendingHost(id, address, since, heldName);
    }

    void setLoginDeadline(ScheduledFuture<?> deadline) {
        cancelLoginDeadline();
        loginDeadline = deadline;
    }

    void cancelLoginDeadline() {
        ScheduledFuture<?> deadline = loginDeadline;
        if (deadline != null) {
            deadline.cancel(false);
            loginDeadline = null;
        }
    }

    /** Why the server closed this connection, if it did; read when the close is reported. */
    synchronized String closeReason() {
        return closeReason;
    }

    /** True once the server decided to close this connection: nothing it sent after that is processed. */
    synchronized boolean isClosing() {
        return closeReason != null || phase == Phase.CLOSED;
    }

    synchronized void setCloseReason(String reason) {
        if (closeReason == null) {
            closeReason = reason;
        }
    }

    /**
     * Sends one frame from the chat sequencer, in the sequencer's order relative to every broadcast: written at
     * once when this connection lives on the sequencer's thread, else handed to its own I/O thread.
     */
    @Override
    public void sendInOrder(ServerFrame frame) {
        outbox.send(() -> onOwnThread(() -> send(frame)));
    }

    /**
     * Sends frames already encoded as JSON lines (a login's answer with its pages of names), like
     * {@link #sendInOrder}: in the sequencer's order, on this connection's I/O thread, which copies the parts (kept
     * bytes that nobody changes) into one buffer for the socket.
     */
    void sendLinesInOrder(List<byte[]> parts) {
        outbox.send(() -> onOwnThread(() -> {
            if (writable()) {
                int length = 0;
                for (byte[] part : parts) {
                    length += part.length;
                }
                ByteBuf lines = channel.alloc().ioBuffer(length);
                for (byte[] part : parts) {
                    lines.writeBytes(part);
                }
                channel.writeAndFlush(lines, channel.voidPromise());
            }
        }));
    }

    /** Sends one frame to this client alone (on its I/O thread), unless it has stopped reading (then it is dropped). */
    void send(ServerFrame frame) {
        if (writable()) {
            channel.writeAndFlush(frame, channel.voidPromise());
        }
    }

    /**
     * Readies the channel for a frame of this client's own: false (and the frame is dropped) when it is closed or
     * has stopped reading, which closes it; else what was gathered goes first, so nothing overtakes a broadcast.
     */
    private boolean writable() {
        if (!channel.isActive()) {
            return false;
        }
        if (!hasRoom()) {
            close(TOO_SLOW);
            return false;
        }
        writeGathered();
        return true;
    }

    /** {@link #sendAndClose}, from the sequencer, in the sequencer's order. */
    void sendAndCloseInOrder(ServerFrame frame, String reason) {
        setCloseReason(reason);
        outbox.send(() -> sendAndClose(frame, reason));
    }

    /**
     * Sends a last frame and closes the connection once it is written, or after {@link #CLOSE_GRACE} when the
     * client does not read it. From any thread, in no particular order with the sequencer's sends.
     */
    void sendAndClose(ServerFrame frame, String reason) {
        setCloseReason(reason);
        onOwnThread(() -> {
            if (!channel.isActive()) {
                return;
            }
            writeGathered();
            channel.writeAndFlush(frame).addListener(ChannelFutureListener.CLOSE);
            channel.eventLoop().schedule(() -> {
                channel.close();
            }, CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    void close(String reason) {
        setCloseReason(reason);
        channel.close();
    }

    /**
     * Gathers an encoded broadcast line (shared by every receiver; copied, never changed) for the next flush, on
     * this connection's I/O thread. A client that has stopped reading is not given more: once its queue is past the
     * high-water mark it is disconnected, so it cannot grow server memory. A connection that is already closed just
     * drops it: it is not "too slow".
     *
     * @return false when the bytes were not written
     */
    @Override
    public boolean deliver(byte[] line) {
        if (!channel.isActive()) {
            return false;
        }
        if (!hasRoom()) {
            close(TOO_SLOW);
            return false;
        }
        if (gathered == null) {
            gathered = channel.alloc().ioBuffer(Math.max(1024, line.length));
        }
        gathered.writeBytes(line);
        if (gathered.readableBytes() >= GATHER_LIMIT) {
            writeGathered();
        }
        if (!flushQueued) {
            flushQueued = true;
            FlushBatch.add(channel.eventLoop(), this);
        }
        return true;
    }

    @Override
    public void flushDelivered() {
        flushQueued = false;
        writeGathered();
        channel.flush();
    }

    /** Hands the gathered broadcast bytes to the channel, ahead of anything written after them. I/O thread only. */
    private void writeGathered() {
        ByteBuf out = gathered;
        if (out != null) {
            gathered = null;
            // A closed channel releases what it is given.
            channel.write(out, channel.voidPromise());
        }
    }

    /**
     * True while the queue for this client is below the high-water mark. Broadcasts not yet flushed count too, so
     * past the mark they are flushed first: only what the client has not read makes it "too slow". I/O thread only.
     */
    private boolean hasRoom() {
        if (channel.isWritable()) {
            return true;
        }
        if (flushQueued) {
            writeGathered();
            channel.flush();
        }
        return channel.isWritable();
    }

    private void onOwnThread(Runnable task) {
        if (channel.eventLoop().inEventLoop()) {
            task.run();
            return;
        }
        try {
            channel.eventLoop().execute(task);
        } catch (RejectedExecutionException e) {
            // The I/O threads are shutting down with the server; the connection is closing anyway.
        }
    }

    private static String describe(SocketAddress remote) {
        if (remote instanceof InetSocketAddress inet) {
            String host = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + inet.getPort();
        }
        return String.valueOf(remote);
    }
}
