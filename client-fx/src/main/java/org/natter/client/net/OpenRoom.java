package org.natter.client.net;

import java.util.List;

/**
 * A room this client is in, as it knows it: the name as the server spells it (without {@code #}), the topic and the
 * members' names sorted ignoring case.
 *
 * @param topic the topic; empty when none is set
 */
public record OpenRoom(String name, String topic, List<String> members) {

    public OpenRoom {
        topic = topic == null ? "" : topic;
        members = members == null ? List.of() : List.copyOf(members);
    }
}
