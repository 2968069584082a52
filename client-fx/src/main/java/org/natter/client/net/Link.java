package org.natter.client.net;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.natter.common.protocol.ClientFrame;
import org.natter.common.protocol.ServerFrame;
import org.natter.common.protocol.Welcome;

/**
 * One socket to the server as the rest of the connection sees it ({@link ServerLink} in the application, a fake in
 * tests), so that the lifecycle and the routing of frames can be tested without sockets. Every method may be called
 * from any thread and returns at once.
 */
interface Link {

    /** Queues the frame for writing. */
    void write(ClientFrame frame);

    /** Sends the frame built with a fresh request id; completes with the frame that answers it. */
    CompletableFuture<ServerFrame> request(Function<String, ClientFrame> frame);

    /** Completes the request this frame answers; false when none was waiting for it. */
    boolean answer(String re, ServerFrame frame);

    /** The server's greeting; fails when the link ends first. */
    CompletableFuture<Welcome> welcome();

    /** Completes once the link has ended and the connection has been told. */
    CompletableFuture<Void> ended();

    /** Closes the socket once everything queued so far is written. */
    void closeAfterWrites();

    /** Closes the socket now. */
    void close();
}
