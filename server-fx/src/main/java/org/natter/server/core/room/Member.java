package org.natter.server.core.room;

import io.netty.channel.EventLoop;
import org.natter.common.protocol.ServerFrame;

/** A logged-in user as a room sees it: a name and a way to reach it. Implemented by the core's session. */
public interface Member {

    String name();

    /** True when the client speaks protocol version 2 or later and may be sent room frames. */
    boolean speaksRooms();

    /** The I/O thread the member's connection lives on; a broadcast hands each thread one task. */
    EventLoop eventLoop();

    /**
     * Queues an encoded broadcast line without flushing (copying it: the array is shared by every member and
     * never changed), adding itself to its thread's {@link FlushBatch} once until flushed; on
     * {@link #eventLoop()} only.
     */
    boolean deliver(byte[] line);

    /** Flushes what {@link #deliver} wrote; called by {@link FlushBatch} on {@link #eventLoop()}. */
    void flushDelivered();

    /** Sends one frame from the chat's sequencer, in the sequencer's order. */
    void sendInOrder(ServerFrame frame);
}
