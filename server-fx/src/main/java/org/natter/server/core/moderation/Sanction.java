package org.natter.server.core.moderation;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A ban (of a name, or of an address or range) or a mute (of a name), until a moment or for ever.
 *
 * @param kind   what it applies to
 * @param target the name, or the address range as text ({@code 192.168.1.0/24})
 * @param until  when it ends; {@code null} for ever
 * @param reason may be empty
 */
public record Sanction(Kind kind, String target, Instant until, String reason, Instant at) {

    public enum Kind { NAME_BAN, ADDRESS_BAN, MUTE }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm").withZone(ZoneId.systemDefault());

    public Sanction {
        reason = reason == null ? "" : reason;
    }

    public boolean activeAt(Instant now) {
        return until == null || now.isBefore(until);
    }

    /** "until 29 Nov 18:30" or "for ever", for the sentences users and the operator read. */
    public String untilText() {
        return until == null ? "for good" : "until " + WHEN.format(until);
    }

    /** The sentence a refused user reads. */
    public String sentence(String what) {
        return what + " " + untilText() + (reason.isEmpty() ? "." : ": " + reason);
    }
}
