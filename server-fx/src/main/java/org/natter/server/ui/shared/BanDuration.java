package org.natter.server.ui.shared;

import java.time.Duration;
import org.natter.common.fx.Messages;

/** The lengths of a ban or a mute the dialogs offer. */
public enum BanDuration {
    TEN_MINUTES(Duration.ofMinutes(10)),
    ONE_HOUR(Duration.ofHours(1)),
    ONE_DAY(Duration.ofDays(1)),
    ONE_WEEK(Duration.ofDays(7)),
    FOR_GOOD(null);

    private final Duration duration;

    BanDuration(Duration duration) {
        this.duration = duration;
    }

    /** How long, or {@code null} for good (as the server takes it). */
    public Duration duration() {
        return duration;
    }

    /** "1 hour", "for good". */
    public String label(Messages messages) {
        return messages.get("duration." + name());
    }
}
