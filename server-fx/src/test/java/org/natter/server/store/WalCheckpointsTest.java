package org.natter.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.natter.common.model.ChatMessage;

/** The history's write-ahead log is copied back by a thread of its own, never by the writer. */
class WalCheckpointsTest {

    private static final Instant TS = Instant.parse("2026-11-30T09:00:00Z");
    /** A text of about one database page, so every commit adds at least a page to the log. */
    private static final String PAGE_OF_TEXT = "x".repeat(3_000);

    @TempDir
    Path dir;

    private SqliteMessageStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void theWriterLeavesTheLogToTheCheckpointThreadWhichCopiesItAllBack() throws Exception {
        store = SqliteMessageStore.open(dir, Retention.forever());
        // More commits than SQLite's own 1,000-page threshold: a writer that checkpointed itself would have
        // started the log over on the way.
        commitOneByOne(1_200);

        WalCheckpoints.Result result = store.checkpoints().checkpointNow();

        assertThat(result.mode()).isEqualTo("PASSIVE");
        assertThat(result.logFrames()).isGreaterThan(1_200);
        assertThat(result.copiedFrames()).isEqualTo(result.logFrames());
        assertThat(store.recent("general", 1)).extracting(ChatMessage::id).containsExactly(1_200L);
    }

    @Test
    void aLogPastItsLimitIsEmptied() throws Exception {
        store = SqliteMessageStore.open(dir, Retention.forever());
        commitOneByOne(20);
        Path database = store.file();
        Path log = database.resolveSibling(database.getFileName() + "-wal");
        assertThat(Files.size(log)).isPositive();

        try (WalCheckpoints strict = new WalCheckpoints(DriverManager.getConnection("jdbc:sqlite:" + database),
                database, 1)) {
            WalCheckpoints.Result result = strict.checkpointNow();

            assertThat(result.mode()).isEqualTo("TRUNCATE");
            assertThat(result.copiedFrames()).isEqualTo(result.logFrames());
            assertThat(Files.size(log)).isZero();
        }
        commitOneByOne(1);
        assertThat(store.recent("general", 30)).hasSize(21);
    }

    @Test
    void theHistoryIsWholeAfterReopeningAStoreThatCheckpointedWhileWriting() throws Exception {
        store = SqliteMessageStore.open(dir, Retention.forever());
        commitOneByOne(50);
        store.checkpoints().checkpointNow();
        commitOneByOne(50);
        store.close();

        store = SqliteMessageStore.open(dir, Retention.forever());
        assertThat(store.lastId()).isEqualTo(100);
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + store.file());
             Statement statement = connection.createStatement();
             var count = statement.executeQuery("SELECT count(*) FROM message")) {
            assertThat(count.next()).isTrue();
            assertThat(count.getLong(1)).isEqualTo(100);
        }
    }

    private long next = 1;

    private void commitOneByOne(int count) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            long id = next++;
            assertThat(store.append(new ChatMessage(id, "ada", PAGE_OF_TEXT, TS.plusSeconds(id), "general", null)))
                    .isTrue();
            assertThat(store.flush(Duration.ofSeconds(10))).isTrue();
        }
    }
}
