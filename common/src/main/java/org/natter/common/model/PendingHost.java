package org.natter.common.model;

import java.time.Instant;

/**
 * A connection that has not logged in (yet, or again after a logout).
 *
 * @param connectionId unique for the life of the server process
 * @param address      the remote address as {@code host:port}
 * @param since        when it connected, or when it logged out and became pending again
 */
public record PendingHost(long connectionId, String address, Instant since) {
}
