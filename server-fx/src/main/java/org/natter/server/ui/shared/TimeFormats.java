package org.natter.server.ui.shared;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times and durations as the admin window shows them. */
public final class TimeFormats {

    /** The time of day in the log and the tables: "09:41:07". */
    public static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    /** "29 Nov 18:30" ("29 nov. 18:30" in French), for the start and end of a ban: the month in the window's language. */
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm");

    private TimeFormats() {
    }

    /** Short durations for people: "0:07", "12:30", "3:04:05", "2 d 3:04:05" ("2 j 3:04:05" in French). */
    public static String duration(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        long days = seconds / 86_400;
        long hours = seconds / 3_600 % 24;
        long minutes = seconds / 60 % 60;
        long secs = seconds % 60;
        if (days > 0) {
            String day = "fr".equals(Locale.getDefault().getLanguage()) ? "j" : "d";
            return String.format(Locale.ROOT, "%d %s %d:%02d:%02d", days, day, hours, minutes, secs);
        }
        if (hours > 0) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, secs);
        }
        return String.format(Locale.ROOT, "%d:%02d", minutes, secs);
    }
}
