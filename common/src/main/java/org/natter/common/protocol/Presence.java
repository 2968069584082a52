package org.natter.common.protocol;

import java.time.Instant;
import java.util.List;

/**
 * {@code presence}: who logged in and who left the server since the last one, sent to version-2 members of
 * {@code room} (always {@code general}) at most every 200 ms instead of one {@code joined} or {@code left} per
 * user. Apply {@code joined} first, then {@code left}: a name in both came and went within the batch.
 *
 * @param joined names that logged in, in the order they did
 * @param left   names that left the server (logged out or lost the connection)
 */
public record Presence(String room, List<String> joined, List<String> left, Instant ts) implements ServerFrame {

    public Presence {
        joined = joined == null ? List.of() : List.copyOf(joined);
        left = left == null ? List.of() : List.copyOf(left);
    }
}
