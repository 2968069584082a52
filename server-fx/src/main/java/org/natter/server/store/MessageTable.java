package org.natter.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.natter.common.model.ChatMessage;
import org.natter.common.protocol.Names;
import org.natter.server.core.MessageStore.HistoryPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The SQL of the {@code message} table: insert a batch, read a page, expire old rows. No threads of its own. */
final class MessageTable {

    private static final Logger LOG = LoggerFactory.getLogger(MessageTable.class);

    private MessageTable() {
    }

    /** Inserts a batch in one transaction (group commit); on failure nothing of it is kept. */
    static void insert(Connection writer, List<ChatMessage> messages) throws SQLException {
        writer.setAutoCommit(false);
        try (PreparedStatement insert = writer.prepareStatement(
                "INSERT INTO message (id, ts, sender, sender_key, text, room, room_key, recipient, recipient_key, dm_key)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ChatMessage m : messages) {
                insert.setLong(1, m.id());
                insert.setLong(2, m.ts().toEpochMilli());
                insert.setString(3, m.from());
                insert.setString(4, Names.key(m.from()));
                insert.setString(5, m.text());
                insert.setString(6, m.room());
                insert.setString(7, m.room() == null ? null : Names.key(m.room()));
                insert.setString(8, m.to());
                insert.setString(9, m.to() == null ? null : Names.key(m.to()));
                insert.setString(10, m.to() == null ? null : dmKey(m.from(), m.to()));
                insert.addBatch();
            }
            insert.executeBatch();
            writer.commit();
        } catch (SQLException e) {
            writer.rollback();
            throw e;
        } finally {
            writer.setAutoCommit(true);
        }
    }

    /** Deletes what the retention no longer keeps. */
    static void expire(Connection writer, Retention retention) {
        try (Statement statement = writer.createStatement()) {
            if (retention.days() > 0) {
                long cutoff = Instant.now().minus(Duration.ofDays(retention.days())).toEpochMilli();
                int gone = statement.executeUpdate("DELETE FROM message WHERE ts < " + cutoff);
                LOG.info("Retention: deleted {} messages older than {} days", gone, retention.days());
            }
            if (retention.perRoom() > 0) {
                int gone = statement.executeUpdate("DELETE FROM message WHERE id IN (SELECT id FROM (SELECT id, "
                        + "row_number() OVER (PARTITION BY coalesce(room_key, dm_key) ORDER BY id DESC) AS n "
                        + "FROM message) WHERE n > " + retention.perRoom() + ")");
                LOG.info("Retention: deleted {} messages beyond the last {} of each room", gone, retention.perRoom());
            }
        } catch (SQLException e) {
            LOG.warn("Deleting expired history failed; trying again later", e);
        }
    }

    /** Oldest first: the newest {@code limit} below {@code before}, or the oldest {@code limit} above {@code after}. */
    static HistoryPage page(Connection connection, String where, List<String> args, long before, long after,
                                    int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT * FROM message WHERE ").append(where);
        if (before > 0) {
            sql.append(" AND id < ").append(before);
        }
        if (after > 0) {
            sql.append(" AND id > ").append(after);
        }
        boolean forward = after > 0;
        sql.append(forward ? " ORDER BY id ASC" : " ORDER BY id DESC").append(" LIMIT ").append(limit + 1);
        List<ChatMessage> found = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                select.setString(i + 1, args.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(Rows.message(rows));
                }
            }
        }
        boolean complete = found.size() <= limit;
        List<ChatMessage> page = new ArrayList<>(found.subList(0, Math.min(limit, found.size())));
        if (!forward) {
            Collections.reverse(page);
        }
        return new HistoryPage(page, complete);
    }

    static String dmKey(String a, String b) {
        String ka = Names.key(a);
        String kb = Names.key(b);
        return ka.compareTo(kb) <= 0 ? ka + "\n" + kb : kb + "\n" + ka;
    }

}
