package org.natter.server.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.natter.common.model.ChatMessage;
import org.natter.common.protocol.Names;
import org.natter.server.core.MessageStore;
import org.natter.server.core.moderation.AuditEntry;
import org.natter.server.core.moderation.Sanction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat's history in one SQLite file ({@code natter.db} in the data directory), through xerial sqlite-jdbc.
 *
 * <p>Threads: one writer thread ({@code natter-store-writer}) owns the write connection. It takes what is queued,
 * up to {@value #BATCH} messages at a time, stores them in one transaction (group commit, so throughput does not
 * fall to one sync per message) and then reports the highest id it committed. One reader thread
 * ({@code natter-store-reader}) owns a second connection for pages and searches; WAL mode lets it read while the
 * writer writes. Nothing here runs on a Netty event loop or the FX thread.
 *
 * <p>Durability: WAL with {@code synchronous=NORMAL}: a committed transaction survives the process being killed
 * ({@code kill -9}); a power cut may lose the last commits.
 */
public final class SqliteMessageStore implements MessageStore {

    public static final String FILE_NAME = "natter.db";

    /** Messages waiting to be written at most; past it the server refuses new ones rather than grow without end. */
    public static final int QUEUE_CAPACITY = 100_000;

    static final int BATCH = 2_000;

    private static final Logger LOG = LoggerFactory.getLogger(SqliteMessageStore.class);
    private static final Duration RETRY = Duration.ofSeconds(1);
    private static final Duration RETENTION_EVERY = Duration.ofMinutes(10);

    private final Path file;
    private final Retention retention;
    private final Connection writer;
    private final Connection reader;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService reads = Executors.newSingleThreadExecutor(r -> SqliteConnections.daemon(r, "natter-store-reader"));
    private final Thread writerThread;
    private final long lastIdAtOpen;
    private volatile boolean closed;

    private SqliteMessageStore(Path file, Retention retention) throws SQLException {
        this.file = file;
        this.retention = retention;
        this.writer = SqliteConnections.open(file);
        try {
            SqliteConnections.checkIntegrity(writer, file);
            Schema.migrate(writer);
            this.reader = SqliteConnections.open(file);
            this.lastIdAtOpen = SqliteConnections.queryLong(writer, "SELECT coalesce(max(id), 0) FROM message");
        } catch (SQLException | RuntimeException e) {
            writer.close();
            throw e;
        }
        writerThread = new Thread(this::writeLoop, "natter-store-writer");
        writerThread.setDaemon(true);
        writerThread.start();
    }

    /**
     * Opens (or creates) the history database in {@code dataDir}, checks it and brings its schema up to date.
     *
     * @throws StoreException with a sentence for the operator when the file is damaged or cannot be used; a
     *                        damaged file is never overwritten
     */
    public static SqliteMessageStore open(Path dataDir, Retention retention) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
            return new SqliteMessageStore(file, retention);
        } catch (StoreException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreException("The history database " + file + " cannot be used: " + e.getMessage()
                    + ". Natter will not overwrite it: move it away to start with an empty history, or restore a"
                    + " backup.", e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public long lastId() {
        return lastIdAtOpen;
    }

    @Override
    public List<ChatMessage> recent(String room, int limit) {
        try {
            return MessageTable.page(reader, "room_key = ?", List.of(Names.key(room)), 0, 0, limit).messages();
        } catch (SQLException e) {
            throw new StoreException("Reading the history of #" + room + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> roomsWithHistory() {
        List<String> rooms = new ArrayList<>();
        try (Statement statement = reader.createStatement();
             ResultSet result = statement.executeQuery(
                     "SELECT room FROM message WHERE id IN (SELECT max(id) FROM message WHERE room_key IS NOT NULL "
                             + "GROUP BY room_key)")) {
            while (result.next()) {
                rooms.add(result.getString(1));
            }
        } catch (SQLException e) {
            throw new StoreException("Reading the rooms of the history failed: " + e.getMessage(), e);
        }
        return rooms;
    }

    @Override
    public boolean append(ChatMessage message) {
        return !closed && queue.offer(message);
    }

    @Override
    public void onCommitted(LongConsumer listener) {
        listeners.add(listener);
    }

    @Override
    public CompletableFuture<HistoryPage> page(Conversation conversation, long before, long after, int limit) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return conversation.isDirect()
                        ? MessageTable.page(reader, "dm_key = ?", List.of(MessageTable.dmKey(conversation.user(), conversation.with())), before, after, limit)
                        : MessageTable.page(reader, "room_key = ?", List.of(Names.key(conversation.room())), before, after, limit);
            } catch (SQLException e) {
                throw new StoreException("Reading history failed: " + e.getMessage(), e);
            }
        }, reads);
    }

    @Override
    public CompletableFuture<List<ChatMessage>> search(String user, List<String> rooms, String query,
                                                       Conversation only, int limit) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return SearchQuery.run(reader, user, rooms, query, only, limit);
            } catch (SQLException e) {
                throw new StoreException("Searching the history failed: " + e.getMessage(), e);
            }
        }, reads);
    }

    @Override
    public CompletableFuture<Integer> clear(String room) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        Runnable task = () -> {
            try (PreparedStatement delete = writer.prepareStatement("DELETE FROM message WHERE room_key = ?")) {
                delete.setString(1, Names.key(room));
                done.complete(delete.executeUpdate());
            } catch (SQLException e) {
                done.completeExceptionally(e);
            }
        };
        if (!queue.offer(task)) {
            done.completeExceptionally(new StoreException("The history database is busy; try again.", null));
        }
        return done;
    }

    @Override
    public CompletableFuture<Integer> export(String room, java.util.function.Consumer<ChatMessage> each) {
        return CompletableFuture.supplyAsync(() -> {
            try (PreparedStatement select = reader.prepareStatement(
                    "SELECT * FROM message WHERE room_key = ? ORDER BY id")) {
                select.setString(1, Names.key(room));
                int count = 0;
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        each.accept(Rows.message(rows));
                        count++;
                    }
                }
                return count;
            } catch (SQLException e) {
                throw new StoreException("Reading #" + room + " failed: " + e.getMessage(), e);
            }
        }, reads);
    }

    @Override
    public List<Sanction> loadSanctions() {
        try {
            return Sanctions.load(writer);
        } catch (SQLException e) {
            throw new StoreException("Reading the bans and mutes failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void saveSanction(Sanction sanction) {
        queueWrite(() -> Sanctions.save(writer, sanction), "Keeping a ban or mute failed");
    }

    @Override
    public void deleteSanction(Sanction.Kind kind, String target) {
        queueWrite(() -> Sanctions.delete(writer, kind, target), "Forgetting a ban or mute failed");
    }

    @Override
    public void audit(AuditEntry entry) {
        queueWrite(() -> AuditTable.insert(writer, entry), "Keeping an operator's action in the audit trail failed");
    }

    /**
     * Read on the writer's thread, behind the writes queued before it, so that an action is in the trail as soon
     * as the call that did it returned (the console's "ban ..." then "audit"). It is read seldom and is small.
     */
    @Override
    public CompletableFuture<List<AuditEntry>> auditTrail(int limit) {
        CompletableFuture<List<AuditEntry>> done = new CompletableFuture<>();
        Runnable task = () -> {
            try {
                done.complete(AuditTable.latest(writer, limit));
            } catch (SQLException e) {
                done.completeExceptionally(new StoreException("Reading the audit trail failed: " + e.getMessage(), e));
            }
        };
        if (closed || !queue.offer(task)) {
            done.completeExceptionally(new StoreException("The history database is busy; try again.", null));
        }
        return done;
    }

    private void queueWrite(SqlTask task, String failure) {
        Runnable write = () -> {
            try {
                task.run();
            } catch (SQLException e) {
                LOG.error(failure, e);
            }
        };
        if (closed || !queue.offer(write)) {
            LOG.error("{}: the history database is busy or closed", failure);
        }
    }

    @FunctionalInterface
    private interface SqlTask {
        void run() throws SQLException;
    }

    /** The database file's size in bytes, with its write-ahead log. */
    @Override
    public long sizeOnDisk() {
        long size = 0;
        for (String suffix : List.of("", "-wal")) {
            try {
                size += Files.size(Path.of(file + suffix));
            } catch (java.io.IOException e) {
                // No such file (yet): counts as empty.
            }
        }
        return size;
    }

    /** Waits until everything queued before this call is written; for shutdown and tests. */
    public boolean flush(Duration timeout) throws InterruptedException {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!queue.offer((Runnable) () -> done.complete(null), timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            flush(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed = true;
        writerThread.interrupt();
        try {
            writerThread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reads.shutdown();
        try {
            reads.awaitTermination(5, TimeUnit.SECONDS);
            reader.close();
            writer.close();
        } catch (SQLException | InterruptedException e) {
            LOG.warn("Closing the history database failed", e);
        }
    }

    private void writeLoop() {
        List<Object> batch = new ArrayList<>(BATCH);
        long nextRetention = 0;
        while (!closed) {
            try {
                if (!retention.keepsEverything() && System.nanoTime() - nextRetention > 0) {
                    MessageTable.expire(writer, retention);
                    nextRetention = System.nanoTime() + RETENTION_EVERY.toNanos();
                }
                Object first = queue.poll(RETENTION_EVERY.toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                writeBatch(batch);
                batch.clear();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stores the messages of a batch in one transaction, retrying until it works; then runs its tasks. */
    private void writeBatch(List<Object> batch) throws InterruptedException {
        List<ChatMessage> messages = new ArrayList<>();
        for (Object item : batch) {
            if (item instanceof ChatMessage message) {
                messages.add(message);
            } else {
                if (!messages.isEmpty()) {
                    insertUntilStored(messages);
                    messages = new ArrayList<>();
                }
                ((Runnable) item).run();
            }
        }
        if (!messages.isEmpty()) {
            insertUntilStored(messages);
        }
    }

    private void insertUntilStored(List<ChatMessage> messages) throws InterruptedException {
        while (true) {
            try {
                MessageTable.insert(writer, messages);
                long last = messages.get(messages.size() - 1).id();
                for (LongConsumer listener : listeners) {
                    listener.accept(last);
                }
                return;
            } catch (SQLException e) {
                // The messages wait (their senders get no acknowledgement) rather than being lost.
                LOG.error("Storing {} messages failed; trying again in {} s", messages.size(), RETRY.toSeconds(), e);
                Thread.sleep(RETRY.toMillis());
            }
        }
    }
}
