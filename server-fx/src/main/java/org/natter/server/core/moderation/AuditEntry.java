package org.natter.server.core.moderation;

import java.time.Instant;
import java.util.Objects;

/**
 * One operator action in the audit trail.
 *
 * @param target whom or what it was done to: a name, an address or range, a room, a setting; empty for an
 *               announcement to everyone
 * @param reason the reason given, or what was set or said (a topic, an announcement's text, "on"); may be empty
 */
public record AuditEntry(Instant at, AuditAction action, String target, String reason, AuditSource source) {

    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(source, "source");
        target = target == null ? "" : target;
        reason = reason == null ? "" : reason;
    }
}
