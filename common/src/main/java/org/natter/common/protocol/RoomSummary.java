package org.natter.common.protocol;

/** One entry of the {@code rooms} list: a room's name, topic ({@code null} when none) and number of members. */
public record RoomSummary(String name, String topic, int users) {
}
