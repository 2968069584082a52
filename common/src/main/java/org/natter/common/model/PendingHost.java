package org.natter.common.model;

import java.time.Instant;

/**
 * A connection that has not logged in (yet, or again after a logout).
 *
 * @param connectionId unique for the life of the server process
 * @param address      the remote address as {@code host:port}
 * @param since        when it connected, or when it logged out and became pending again
 * @param waitingName  the name it asked to log in with while the server admits new users by hand (the waiting
 *                     room): it waits for the operator to admit or refuse it; {@code null} when it is not waiting
 */
public record PendingHost(long connectionId, String address, Instant since, String waitingName) {

    /** A pending host that is not waiting to be let in. */
    public PendingHost(long connectionId, String address, Instant since) {
        this(connectionId, address, since, null);
    }

    /** True while it waits for the operator to let it in. */
    public boolean isWaiting() {
        return waitingName != null;
    }
}
