package org.natter.server.ui.audit;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.natter.server.core.moderation.AuditEntry;

/**
 * The audit trail as CSV (RFC 4180: comma-separated, CRLF line ends, a field with a comma, quote or line break in
 * double quotes, its quotes doubled). A cell that a spreadsheet would run as a formula (starting with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return) gets a leading apostrophe, since targets and
 * reasons may come from users (their names) or be typed by anyone with the window.
 */
public final class AuditCsv {

    static final String HEADER = "time,action,target,reason,source";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private AuditCsv() {
    }

    /** The whole file: the header and one line per entry, in the order given. */
    public static String of(List<AuditEntry> entries, ZoneId zone) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (AuditEntry entry : entries) {
            csv.append(cell(TIME.format(entry.at().atZone(zone)))).append(',')
                    .append(cell(entry.action().name().toLowerCase(Locale.ROOT))).append(',')
                    .append(cell(entry.target())).append(',')
                    .append(cell(entry.reason())).append(',')
                    .append(cell(entry.source().name().toLowerCase(Locale.ROOT))).append("\r\n");
        }
        return csv.toString();
    }

    /** One field, made safe for a spreadsheet and quoted when it needs to be. */
    static String cell(String text) {
        String value = text == null ? "" : text;
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
