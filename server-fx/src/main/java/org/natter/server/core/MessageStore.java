package org.natter.server.core;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.natter.common.model.ChatMessage;
import org.natter.server.core.moderation.AuditEntry;
import org.natter.server.core.moderation.Sanction;

/**
 * Where the chat's messages are kept. The core asks; an implementation (the SQLite store, or the in-memory one
 * used when no data directory is given) does its work on its own threads, so no method blocks an I/O thread or
 * the sequencer except where it says so.
 */
public interface MessageStore extends AutoCloseable {

    /** A store that keeps one run's messages in memory (the last 100,000): for tests and demos. */
    static MessageStore inMemory() {
        return new MemoryMessageStore();
    }

    /** The highest message id ever stored, 0 for none. Blocks; called once, before the server takes clients. */
    long lastId();

    /** The last {@code limit} messages of a room, oldest first. Blocks; called at start to fill the replay buffers. */
    List<ChatMessage> recent(String room, int limit);

    /** The rooms that have stored messages. Blocks; called at start. */
    List<String> roomsWithHistory();

    /**
     * Queues a message to be stored; it returns at once. Messages are committed in the order they were given, and
     * each commit is reported to the {@linkplain #onCommitted listener} with the highest id it stored.
     *
     * @return false when the store's queue is full (it cannot keep up) or closed: the message was not taken
     */
    boolean append(ChatMessage message);

    /** Who learns of commits; called on the store's thread (or at once, by a store that keeps nothing). */
    void onCommitted(LongConsumer listener);

    /**
     * A page of a room's messages, or of the direct conversation between {@code user} and {@code with}.
     *
     * @param before only ids below this (exclusive), or 0
     * @param after  only ids above this (exclusive), or 0
     */
    CompletableFuture<HistoryPage> page(Conversation conversation, long before, long after, int limit);

    /** Messages matching the words of {@code query}, newest first, among those {@code reader} may read. */
    CompletableFuture<List<ChatMessage>> search(String user, List<String> rooms, String query, Conversation only,
                                                int limit);

    /** Hands every message of a room to {@code each}, oldest first, on the store's own thread; completes with the count. */
    CompletableFuture<Integer> export(String room, Consumer<ChatMessage> each);

    /** The bytes the history takes on disk; 0 for a store that keeps it in memory. */
    default long sizeOnDisk() {
        return 0;
    }

    /** The bans and mutes kept from earlier runs. Blocks; called once, when the server is made. */
    default List<Sanction> loadSanctions() {
        return List.of();
    }

    /** Keeps a ban or mute (replacing one of the same kind and target); returns at once. */
    default void saveSanction(Sanction sanction) {
    }

    /** Forgets a ban or mute; returns at once. */
    default void deleteSanction(Sanction.Kind kind, String target) {
    }

    /** Keeps an operator's action in the audit trail; returns at once (the store writes it on its own thread). */
    void audit(AuditEntry entry);

    /** The latest {@code limit} entries of the audit trail, newest first, read on the store's own thread. */
    CompletableFuture<List<AuditEntry>> auditTrail(int limit);

    /** Deletes a room's history; completes with how many messages went. */
    CompletableFuture<Integer> clear(String room);

    @Override
    void close();

    /** A room, or a direct conversation between two users. */
    record Conversation(String room, String user, String with) {

        public static Conversation room(String room) {
            return new Conversation(room, null, null);
        }

        public static Conversation direct(String user, String with) {
            return new Conversation(null, user, with);
        }

        public boolean isDirect() {
            return room == null;
        }
    }

    /**
     * One page of history, oldest first.
     *
     * @param complete true when nothing more exists in the direction asked for
     */
    record HistoryPage(List<ChatMessage> messages, boolean complete) {
    }
}
