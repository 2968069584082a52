package org.natter.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.natter.common.model.ChatMessage;
import org.natter.server.core.MessageStore.Conversation;
import org.natter.server.core.MessageStore.HistoryPage;

/** The SQLite store on a real file in a temporary directory. */
class SqliteMessageStoreTest {

    private static final Instant TS = Instant.parse("2026-11-29T09:00:00Z");

    @TempDir
    Path dir;

    private final List<SqliteMessageStore> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(SqliteMessageStore::close);
    }

    private SqliteMessageStore open(Retention retention) {
        SqliteMessageStore store = SqliteMessageStore.open(dir, retention);
        opened.add(store);
        return store;
    }

    private SqliteMessageStore open() {
        return open(Retention.forever());
    }

    private static ChatMessage inRoom(long id, String room, String from, String text) {
        return new ChatMessage(id, from, text, TS.plusSeconds(id), room, null);
    }

    private static ChatMessage direct(long id, String from, String to, String text) {
        return new ChatMessage(id, from, text, TS.plusSeconds(id), null, to);
    }

    private static void store(SqliteMessageStore store, ChatMessage... messages) throws InterruptedException {
        for (ChatMessage message : messages) {
            assertThat(store.append(message)).isTrue();
        }
        assertThat(store.flush(Duration.ofSeconds(10))).isTrue();
    }

    private static HistoryPage page(SqliteMessageStore store, Conversation c, long before, long after, int limit)
            throws Exception {
        return store.page(c, before, after, limit).get(10, TimeUnit.SECONDS);
    }

    private static List<Long> ids(HistoryPage page) {
        return page.messages().stream().map(ChatMessage::id).toList();
    }

    @Test
    void anEmptyFileGetsTheSchemaAndAReopenedStoreKeepsMessagesAndTheLastId() throws Exception {
        Files.write(dir.resolve(SqliteMessageStore.FILE_NAME), new byte[0]);
        SqliteMessageStore first = open();
        assertThat(first.lastId()).isZero();
        store(first, inRoom(1, "general", "ada", "one"), inRoom(2, "general", "bob", "two"),
                direct(3, "ada", "bob", "psst"));
        first.close();
        SqliteMessageStore again = open();
        assertThat(again.lastId()).isEqualTo(3);
        assertThat(again.recent("general", 10)).extracting(ChatMessage::text).containsExactly("one", "two");
        assertThat(again.roomsWithHistory()).containsExactly("general");
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteMessageStore.FILE_NAME));
             Statement statement = raw.createStatement()) {
            assertThat(statement.executeQuery("PRAGMA user_version").getInt(1)).isEqualTo(Schema.latestVersion());
            assertThat(statement.executeQuery("PRAGMA journal_mode").getString(1)).isEqualTo("wal");
        }
    }

    @Test
    void messagesAreCommittedInBatchesAndReportedInOrder() throws Exception {
        SqliteMessageStore store = open();
        List<Long> commits = new CopyOnWriteArrayList<>();
        store.onCommitted(commits::add);
        int count = 5_000;
        for (int i = 1; i <= count; i++) {
            assertThat(store.append(inRoom(i, "general", "ada", "m" + i))).isTrue();
        }
        assertThat(store.flush(Duration.ofSeconds(30))).isTrue();
        assertThat(commits).isSorted().last().isEqualTo((long) count);
        assertThat(commits.size()).as("group commit: far fewer commits than messages").isLessThan(count / 2);
        assertThat(ids(page(store, Conversation.room("general"), 0, 0, 500))).hasSize(500).endsWith((long) count);
    }

    @Test
    void pagesGoBothWaysAndSayWhenNothingMoreExists() throws Exception {
        SqliteMessageStore store = open();
        for (int i = 1; i <= 10; i++) {
            store.append(inRoom(i, "maths", "ada", "m" + i));
        }
        store(store, inRoom(11, "art", "bob", "elsewhere"));
        Conversation maths = Conversation.room("Maths");
        HistoryPage latest = page(store, maths, 0, 0, 3);
        assertThat(ids(latest)).containsExactly(8L, 9L, 10L);
        assertThat(latest.complete()).isFalse();
        HistoryPage older = page(store, maths, 8, 0, 10);
        assertThat(ids(older)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(older.complete()).isTrue();
        HistoryPage newer = page(store, maths, 0, 3, 3);
        assertThat(ids(newer)).containsExactly(4L, 5L, 6L);
        assertThat(newer.complete()).isFalse();
        HistoryPage last = page(store, maths, 0, 7, 3);
        assertThat(ids(last)).containsExactly(8L, 9L, 10L);
        assertThat(last.complete()).isTrue();
    }

    @Test
    void aDirectConversationHoldsBothDirectionsAndNothingElse() throws Exception {
        SqliteMessageStore store = open();
        store(store, direct(1, "ada", "bob", "hi bob"), direct(2, "bob", "ada", "hi ada"),
                direct(3, "ada", "carol", "hi carol"), inRoom(4, "general", "bob", "public"));
        assertThat(ids(page(store, Conversation.direct("BOB", "ada"), 0, 0, 10))).containsExactly(1L, 2L);
        assertThat(ids(page(store, Conversation.direct("carol", "ada"), 0, 0, 10))).containsExactly(3L);
    }

    @Test
    void searchFindsOnlyWhatTheUserMayRead() throws Exception {
        SqliteMessageStore store = open();
        store(store, inRoom(1, "maths", "bob", "apple pie recipe"), inRoom(2, "secret", "bob", "apple secret"),
                direct(3, "bob", "carol", "apple for carol"), direct(4, "carol", "ada", "an apple for ada"),
                inRoom(5, "maths", "bob", "pear"));
        List<ChatMessage> found = store.search("ada", List.of("maths"), "APPLE", null, 10).get(10, TimeUnit.SECONDS);
        assertThat(found).extracting(ChatMessage::id).containsExactly(4L, 1L);
        assertThat(store.search("ada", List.of("maths"), "apple recipe", null, 10).get(10, TimeUnit.SECONDS))
                .extracting(ChatMessage::id).containsExactly(1L);
        assertThat(store.search("ada", List.of("maths"), "apple", Conversation.direct("ada", "carol"), 10)
                .get(10, TimeUnit.SECONDS)).extracting(ChatMessage::id).containsExactly(4L);
        for (String syntax : List.of("\"", "apple AND OR", "(", "*", "NEAR(apple", "col:apple")) {
            assertThat(store.search("ada", List.of("maths"), syntax, null, 10).get(10, TimeUnit.SECONDS))
                    .as("'%s' is words, not FTS5 syntax", syntax).isNotNull();
        }
    }

    @Test
    void retentionKeepsTheLastMessagesOfEachRoom() throws Exception {
        SqliteMessageStore first = open();
        for (int i = 1; i <= 5; i++) {
            first.append(inRoom(i, "maths", "ada", "m" + i));
            first.append(inRoom(10 + i, "art", "ada", "a" + i));
        }
        assertThat(first.flush(Duration.ofSeconds(10))).isTrue();
        first.close();
        SqliteMessageStore trimmed = open(new Retention(0, 2));
        assertThat(trimmed.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(ids(page(trimmed, Conversation.room("maths"), 0, 0, 10))).containsExactly(4L, 5L);
        assertThat(ids(page(trimmed, Conversation.room("art"), 0, 0, 10))).containsExactly(14L, 15L);
    }

    @Test
    void clearingARoomDeletesItsHistoryOnly() throws Exception {
        SqliteMessageStore store = open();
        store(store, inRoom(1, "maths", "ada", "x"), inRoom(2, "art", "ada", "y"));
        assertThat(store.clear("MATHS").get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(ids(page(store, Conversation.room("maths"), 0, 0, 10))).isEmpty();
        assertThat(ids(page(store, Conversation.room("art"), 0, 0, 10))).containsExactly(2L);
    }

    @Test
    void aDamagedFileIsRefusedWithASentenceAndLeftAsItWas() throws Exception {
        Path file = dir.resolve(SqliteMessageStore.FILE_NAME);
        byte[] garbage = "this is not a database, but someone's precious file\n".repeat(200)
                .getBytes(StandardCharsets.UTF_8);
        Files.write(file, garbage);
        assertThatThrownBy(() -> SqliteMessageStore.open(dir, Retention.forever()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("will not overwrite it");
        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
    }

    @Test
    void aDatabaseFromANewerNatterIsRefused() throws Exception {
        open().close();
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteMessageStore.FILE_NAME));
             Statement statement = raw.createStatement()) {
            statement.execute("PRAGMA user_version = " + (Schema.latestVersion() + 1));
        }
        assertThatThrownBy(() -> SqliteMessageStore.open(dir, Retention.forever()))
                .isInstanceOf(StoreException.class).hasMessageContaining("newer Natter");
    }
}
