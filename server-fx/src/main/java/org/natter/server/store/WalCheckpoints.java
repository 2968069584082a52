package org.natter.server.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the write-ahead log back into the database file on a thread of its own ({@code natter-store-checkpoint}),
 * so the writer never waits for it. Left to SQLite, the connection that commits runs the checkpoint when the log
 * passes 1,000 pages, with its three {@code fsync}s: at 1,000 messages a second that was the writer stalling about
 * 8 ms twice a second, and every message arriving meanwhile waited for it (the p99 of a fan-out).
 *
 * <p>Every {@link #EVERY} a passive checkpoint runs beside the writer (WAL lets it). Under a steady stream of
 * commits it may never catch the log's very end, so the log could not start over and would grow; once the log
 * passes {@link #TRUNCATE_FROM_BYTES}, the checkpoint waits for the writer and empties it.
 *
 * <p>Threads: the connection and everything here belong to the checkpoint thread; {@link #close} stops it.
 */
final class WalCheckpoints implements AutoCloseable {

    static final Duration EVERY = Duration.ofSeconds(1);
    /** A log of this size is emptied even if the writer has to wait (about 16 s of a 1,000 msg/s stream). */
    static final long TRUNCATE_FROM_BYTES = 64L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpoints.class);

    private final Connection connection;
    private final Path walFile;
    private final long truncateFromBytes;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            runnable -> SqliteConnections.daemon(runnable, "natter-store-checkpoint"));

    /** @param connection a connection of its own to the database, in WAL mode; closed with this */
    WalCheckpoints(Connection connection, Path databaseFile) {
        this(connection, databaseFile, TRUNCATE_FROM_BYTES);
    }

    WalCheckpoints(Connection connection, Path databaseFile, long truncateFromBytes) {
        this.connection = connection;
        this.walFile = databaseFile.resolveSibling(databaseFile.getFileName() + "-wal");
        this.truncateFromBytes = truncateFromBytes;
        thread.scheduleWithFixedDelay(this::checkpoint, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Turns off the checkpoints a committing connection would run itself. */
    static void leaveCheckpointsToThem(Connection writer) throws SQLException {
        try (Statement statement = writer.createStatement()) {
            statement.execute("PRAGMA wal_autocheckpoint = 0");
        }
    }

    /** Runs one checkpoint now, on the checkpoint thread; for tests. */
    Result checkpointNow() throws Exception {
        return thread.submit(this::checkpoint).get(10, TimeUnit.SECONDS);
    }

    private Result checkpoint() {
        String mode = walBytes() >= truncateFromBytes ? "TRUNCATE" : "PASSIVE";
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
            return result.next() ? new Result(mode, result.getInt(2), result.getInt(3)) : new Result(mode, -1, -1);
        } catch (SQLException e) {
            // Busy or failing now; the next turn tries again, and the log only grows meanwhile.
            LOG.warn("A checkpoint of the history database failed: {}", e.getMessage());
            return new Result(mode, -1, -1);
        }
    }

    private long walBytes() {
        try {
            return Files.size(walFile);
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            LOG.warn("Closing the checkpoint connection failed", e);
        }
    }

    /** What a checkpoint did: frames in the log, frames copied back into the database (-1 when it failed). */
    record Result(String mode, int logFrames, int copiedFrames) {
    }
}
