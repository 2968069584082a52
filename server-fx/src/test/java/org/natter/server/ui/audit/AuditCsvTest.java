package org.natter.server.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.natter.server.core.moderation.AuditAction;
import org.natter.server.core.moderation.AuditEntry;
import org.natter.server.core.moderation.AuditSource;

class AuditCsvTest {

    private static final Instant AT = Instant.parse("2026-11-29T09:15:02Z");

    @Test
    void plainCellsStayAsTheyAreAndTheFileHasAHeaderAndCrlfLines() {
        String csv = AuditCsv.of(List.of(new AuditEntry(AT, AuditAction.ROOM_CREATED, "maths", "Fractions",
                AuditSource.CONSOLE)), ZoneOffset.UTC);
        assertThat(csv).isEqualTo("time,action,target,reason,source\r\n"
                + "2026-11-29 09:15:02,room_created,maths,Fractions,console\r\n");
    }

    @Test
    void commasQuotesAndLineBreaksAreQuoted() {
        assertThat(AuditCsv.cell("spam, again")).isEqualTo("\"spam, again\"");
        assertThat(AuditCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(AuditCsv.cell("cr\rhere")).isEqualTo("\"cr\rhere\"");
        assertThat(AuditCsv.cell("")).isEmpty();
    }

    @Test
    void cellsAspreadsheetWouldRunAsFormulasStartWithAnApostrophe() {
        assertThat(AuditCsv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(AuditCsv.cell("+1")).isEqualTo("'+1");
        assertThat(AuditCsv.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(AuditCsv.cell("\tx")).isEqualTo("'\tx");
        assertThat(AuditCsv.cell("a=b")).as("only a leading sign counts").isEqualTo("a=b");
        String csv = AuditCsv.of(List.of(new AuditEntry(AT, AuditAction.KICK, "-bob", "=1+1, really",
                AuditSource.WINDOW)), ZoneOffset.UTC);
        assertThat(csv).endsWith("2026-11-29 09:15:02,kick,'-bob,\"'=1+1, really\",window\r\n");
    }
}
