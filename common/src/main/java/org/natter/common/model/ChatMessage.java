package org.natter.common.model;

import java.time.Instant;

/**
 * One chat message as delivered by the server.
 *
 * @param id   the server's number for it, increasing within one server run
 * @param from the sender's name
 * @param text the text, already validated by the server
 * @param ts   when the server accepted it
 */
public record ChatMessage(long id, String from, String text, Instant ts) {
}
