package org.natter.server.ui;

import java.time.Duration;
import java.util.Locale;

/** Short durations for people: "0:07", "12:30", "3:04:05", "2 d 3:04:05". */
final class Durations {

    private Durations() {
    }

    static String format(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        long days = seconds / 86_400;
        long hours = seconds / 3_600 % 24;
        long minutes = seconds / 60 % 60;
        long secs = seconds % 60;
        if (days > 0) {
            return String.format(Locale.ROOT, "%d d %d:%02d:%02d", days, hours, minutes, secs);
        }
        if (hours > 0) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, secs);
        }
        return String.format(Locale.ROOT, "%d:%02d", minutes, secs);
    }
}
