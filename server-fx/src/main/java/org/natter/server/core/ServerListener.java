package org.natter.server.core;

import org.natter.common.model.ServerEvent;
import org.natter.common.model.ServerState;

/**
 * Receives what happens on a {@link ChatServer}. Callbacks run on the server's own threads (a Netty I/O thread
 * or the thread that called start/stop): they must return quickly and must not block. A UI hands them over to
 * its own thread.
 */
public interface ServerListener {

    /** The server's state changed. */
    default void stateChanged(ServerState state) {
    }

    /** Something happened; see {@link ServerEvent} for the kinds. */
    default void onEvent(ServerEvent event) {
    }
}
