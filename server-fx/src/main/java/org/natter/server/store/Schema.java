package org.natter.server.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The database schema as numbered steps. {@code PRAGMA user_version} says how many have run; at start the missing
 * ones run, each in its own transaction. Plain steps rather than Flyway: one small file, no extra library, and
 * SQLite keeps the version in the file header for free.
 */
final class Schema {

    /** Step N brings a database from version N to N + 1; never change a step once released, add one. */
    private static final List<List<String>> STEPS = List.of(
            List.of("""
                    CREATE TABLE message (
                        id        INTEGER PRIMARY KEY,
                        ts        INTEGER NOT NULL,
                        sender    TEXT NOT NULL,
                        sender_key TEXT NOT NULL,
                        text      TEXT NOT NULL,
                        room      TEXT,
                        room_key  TEXT,
                        recipient TEXT,
                        recipient_key TEXT,
                        dm_key    TEXT,
                        CHECK ((room IS NULL) <> (recipient IS NULL))
                    )""",
                    "CREATE INDEX message_by_room ON message(room_key, id)",
                    "CREATE INDEX message_by_conversation ON message(dm_key, id)",
                    "CREATE VIRTUAL TABLE message_text USING fts5(text, content='message', content_rowid='id')",
                    """
                    CREATE TRIGGER message_text_insert AFTER INSERT ON message BEGIN
                        INSERT INTO message_text(rowid, text) VALUES (new.id, new.text);
                    END""",
                    """
                    CREATE TRIGGER message_text_delete AFTER DELETE ON message BEGIN
                        INSERT INTO message_text(message_text, rowid, text) VALUES ('delete', old.id, old.text);
                    END"""),
            List.of("""
                    CREATE TABLE sanction (
                        kind   TEXT NOT NULL,
                        target TEXT NOT NULL,
                        until  INTEGER,
                        reason TEXT NOT NULL,
                        at     INTEGER NOT NULL,
                        PRIMARY KEY (kind, target)
                    )"""),
            List.of("""
                    CREATE TABLE audit (
                        id     INTEGER PRIMARY KEY,
                        at     INTEGER NOT NULL,
                        action TEXT NOT NULL,
                        target TEXT NOT NULL,
                        reason TEXT NOT NULL,
                        source TEXT NOT NULL
                    )"""));

    private Schema() {
    }

    static int latestVersion() {
        return STEPS.size();
    }

    static int version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA user_version")) {
            return result.next() ? result.getInt(1) : 0;
        }
    }

    /** Runs the steps the database lacks. A database newer than this program is refused. */
    static void migrate(Connection connection) throws SQLException {
        int version = version(connection);
        if (version > STEPS.size()) {
            throw new SQLException("The history database was written by a newer Natter (schema " + version
                    + "; this one knows " + STEPS.size() + ").");
        }
        for (int step = version; step < STEPS.size(); step++) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : STEPS.get(step)) {
                    statement.execute(sql);
                }
                statement.execute("PRAGMA user_version = " + (step + 1));
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }
}
