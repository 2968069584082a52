package org.natter.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.natter.server.core.moderation.AuditAction;
import org.natter.server.core.moderation.AuditEntry;
import org.natter.server.core.moderation.AuditSource;

/** The SQL of the {@code audit} table: the operator's actions, kept across restarts. */
final class AuditTable {

    private AuditTable() {
    }

    static void insert(Connection connection, AuditEntry entry) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit (at, action, target, reason, source) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, entry.at().toEpochMilli());
            insert.setString(2, entry.action().name());
            insert.setString(3, entry.target());
            insert.setString(4, entry.reason());
            insert.setString(5, entry.source().name());
            insert.executeUpdate();
        }
    }

    /** The latest {@code limit} entries, newest first (in the order they were written, for equal times). */
    static List<AuditEntry> latest(Connection connection, int limit) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM audit ORDER BY id DESC LIMIT ?")) {
            select.setInt(1, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(new AuditEntry(Instant.ofEpochMilli(rows.getLong("at")),
                            AuditAction.valueOf(rows.getString("action")), rows.getString("target"),
                            rows.getString("reason"), AuditSource.valueOf(rows.getString("source"))));
                }
            }
        }
        return entries;
    }
}
