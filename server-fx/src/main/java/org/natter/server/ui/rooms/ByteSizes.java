package org.natter.server.ui.rooms;

import java.util.Locale;

/**
 * Sizes on disk as people read them: "0 B", "812 B", "2.4 MB" (units of 1000, as file managers show them); in
 * French "2,4 Mo", octets being the French unit.
 */
final class ByteSizes {

    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};
    private static final String[] FRENCH_UNITS = {"o", "ko", "Mo", "Go", "To"};

    private ByteSizes() {
    }

    /** In the language of {@code locale} (the texts' locale: ROOT for English). */
    static String format(long bytes, Locale locale) {
        boolean french = "fr".equals(locale.getLanguage());
        String[] units = french ? FRENCH_UNITS : UNITS;
        String space = french ? "\u00a0" : " ";
        if (bytes < 1000) {
            return bytes + space + units[0];
        }
        double value = bytes;
        int unit = 0;
        while (value >= 999.95 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(locale, "%.1f%s%s", value, space, units[unit]);
    }
}
