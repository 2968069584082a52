package org.natter.common.protocol;

import java.util.List;

/** {@code search_results}: the messages that match a {@code search}, newest first. */
public record SearchResults(String re, List<Message> messages) implements ServerFrame {

    public SearchResults {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }
}
