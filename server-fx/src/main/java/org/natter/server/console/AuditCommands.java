package org.natter.server.console;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.natter.common.protocol.SafeText;
import org.natter.server.core.ChatServer;
import org.natter.server.core.moderation.AuditEntry;

/** The console's {@code audit [N]}: the operator's latest actions, newest first. */
final class AuditCommands {

    static final int DEFAULT_COUNT = 20;
    static final int MAX_COUNT = 1_000;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final ChatServer server;
    private final ConsoleOutput out;

    AuditCommands(ChatServer server, ConsoleOutput out) {
        this.server = server;
        this.out = out;
    }

    /** Runs on the console's reader thread, which may wait for the store. */
    void audit(String argument) {
        int count;
        try {
            count = argument.isEmpty() ? DEFAULT_COUNT : Integer.parseInt(argument);
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 1 || count > MAX_COUNT) {
            out.println("Usage: audit [N] (N from 1 to " + MAX_COUNT + ", default " + DEFAULT_COUNT + ")");
            return;
        }
        List<AuditEntry> entries;
        try {
            entries = server.auditTrail(count).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            out.println("Cannot read the audit trail just now. Try again.");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (entries.isEmpty()) {
            out.println("No operator actions yet.");
            return;
        }
        out.println(String.format("%-19s  %-15s  %-24s  %-7s  %s", "WHEN", "ACTION", "TARGET", "FROM", "REASON OR DETAIL"));
        for (AuditEntry entry : entries) {
            out.println(String.format("%-19s  %-15s  %-24s  %-7s  %s", WHEN.format(entry.at()),
                    entry.action().name().toLowerCase(Locale.ROOT).replace('_', ' '), SafeText.escape(entry.target()),
                    entry.source().name().toLowerCase(Locale.ROOT), SafeText.escape(entry.reason())));
        }
    }
}
