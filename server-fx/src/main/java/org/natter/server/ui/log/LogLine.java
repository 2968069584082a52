package org.natter.server.ui.log;

import java.time.Instant;

/** One line of the admin log. A record, so that 10,000 of them cost little and a cell can show any of them. */
public record LogLine(Instant at, LogKind kind, String text) {
}
