package org.natter.client.ui.chat;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** Lines of the conversation as text to copy: "09:15 bob: hello" for messages, "09:15 * bob joined" for events. */
final class Transcript {

    private final DateTimeFormatter time;

    Transcript(ZoneId zone) {
        time = DateTimeFormatter.ofPattern("HH:mm").withZone(zone);
    }

    String lines(List<ChatEntry> entries) {
        return entries.stream().map(this::line).collect(Collectors.joining("\n"));
    }

    /** Only the texts, one a line, as the person wrote them. */
    static String texts(List<ChatEntry> entries) {
        return entries.stream().map(ChatEntry::text).collect(Collectors.joining("\n"));
    }

    private String line(ChatEntry entry) {
        String when = time.format(entry.ts());
        return entry.isMessage() || entry.kind() == ChatEntry.Kind.UNSENT
                ? when + " " + entry.from() + ": " + entry.text()
                : when + " * " + entry.text();
    }
}
