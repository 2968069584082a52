package org.natter.server.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import org.natter.common.model.ChatMessage;
import org.natter.common.protocol.FrameCodec;

/** Writes a room's history to a file, on the store's thread: never on an I/O thread or the FX thread. */
public final class HistoryExport {

    /** The export's shape: one {@code message} frame per line (for programs), or lines a person reads. */
    public enum Format { JSON_LINES, TEXT }

    private static final DateTimeFormatter TEXT_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private HistoryExport() {
    }

    static CompletableFuture<Integer> write(MessageStore store, String room, Path file, Format format, ZoneId zone) {
        Writer out;
        try {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
        return store.export(room, message -> {
            try {
                out.write(format == Format.JSON_LINES ? FrameCodec.encode(RoomRules.toFrame(message)) : text(message, zone));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).whenComplete((count, failure) -> {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String text(ChatMessage message, ZoneId zone) {
        return TEXT_TIME.format(message.ts().atZone(zone)) + "  " + message.from() + ": " + message.text();
    }
}
