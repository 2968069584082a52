package org.natter.server.console;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.natter.common.model.ChatMessage;
import org.natter.common.protocol.SafeText;
import org.natter.server.core.ChatServer;
import org.natter.server.core.HistoryExport;

/** The console's history commands: {@code history ROOM [N]}, {@code export ROOM FILE}, {@code clear ROOM}. */
final class HistoryCommands {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private static final long WAIT_SECONDS = 60;

    private final ChatServer server;
    private final ConsoleOutput out;

    HistoryCommands(ChatServer server, ConsoleOutput out) {
        this.server = server;
        this.out = out;
    }

    void history(String argument) {
        String[] parts = argument.split("\\s+");
        if (parts[0].isEmpty()) {
            out.println("Usage: history ROOM [N]");
            return;
        }
        String room = withoutHash(parts[0]);
        int count;
        try {
            count = parts.length > 1 ? Integer.parseInt(parts[1]) : 20;
        } catch (NumberFormatException e) {
            out.println("Usage: history ROOM [N] (N a number from 1 to 500)");
            return;
        }
        if (count < 1 || count > 500) {
            out.println("Usage: history ROOM [N] (N a number from 1 to 500)");
            return;
        }
        List<ChatMessage> messages = await(server.recentHistory(room, count));
        if (messages == null) {
            return;
        }
        if (messages.isEmpty()) {
            out.println("#" + SafeText.escape(room) + " has no history.");
        }
        for (ChatMessage m : messages) {
            out.println(TIME.format(m.ts()) + "  " + SafeText.escape(m.from()) + ": " + SafeText.escape(m.text()));
        }
    }

    void export(String argument) {
        String[] parts = argument.split("\\s+", 2);
        if (parts.length < 2 || parts[0].isEmpty()) {
            out.println("Usage: export ROOM FILE (FILE ending in .jsonl for JSON lines, anything else for text)");
            return;
        }
        String room = withoutHash(parts[0]);
        Path file = Path.of(parts[1]);
        HistoryExport.Format format = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl")
                ? HistoryExport.Format.JSON_LINES : HistoryExport.Format.TEXT;
        Integer count = await(server.exportHistory(room, file, format));
        if (count != null) {
            out.println("Wrote " + count + " messages of #" + SafeText.escape(room) + " to " + file + ".");
        }
    }

    void clear(String argument) {
        if (argument.isEmpty()) {
            out.println("Usage: clear ROOM");
            return;
        }
        String room = withoutHash(argument);
        Integer count = await(server.clearHistory(room));
        if (count != null) {
            out.println("Deleted " + count + " messages of #" + SafeText.escape(room) + ".");
        }
    }

    /** The console's own thread waits (never an I/O thread); a failure is printed as a sentence. */
    private <T> T await(java.util.concurrent.CompletableFuture<T> work) {
        try {
            return work.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            out.println("That did not work: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            out.println("The history database did not answer within " + WAIT_SECONDS + " s.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private static String withoutHash(String name) {
        return name.startsWith("#") ? name.substring(1) : name;
    }
}
