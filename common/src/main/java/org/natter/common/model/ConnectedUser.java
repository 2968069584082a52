package org.natter.common.model;

import java.time.Instant;
import java.util.List;

/**
 * A logged-in user as the server sees it.
 *
 * @param connectionId unique for the life of the server process; the same as while it was pending
 * @param name         the name the user logged in with
 * @param address      the remote address as {@code host:port}
 * @param since        when the user logged in
 * @param messagesSent messages sent since logging in
 * @param rooms        the rooms the user is in, sorted ignoring case
 */
public record ConnectedUser(long connectionId, String name, String address, Instant since, long messagesSent,
                            List<String> rooms) {

    public ConnectedUser {
        rooms = rooms == null ? List.of() : List.copyOf(rooms);
    }

    /** A user whose rooms are not known. */
    public ConnectedUser(long connectionId, String name, String address, Instant since, long messagesSent) {
        this(connectionId, name, address, since, messagesSent, List.of());
    }

    public ConnectedUser withMessagesSent(long count) {
        return new ConnectedUser(connectionId, name, address, since, count, rooms);
    }
}
