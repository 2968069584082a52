package org.natter.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.natter.server.core.moderation.Sanction;

/** The SQL of the {@code sanction} table: bans and mutes, kept across restarts. */
final class Sanctions {

    private Sanctions() {
    }

    static List<Sanction> load(Connection connection) throws SQLException {
        List<Sanction> all = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM sanction ORDER BY at");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                long untilMillis = rows.getLong("until");
                Instant until = rows.wasNull() ? null : Instant.ofEpochMilli(untilMillis);
                all.add(new Sanction(Sanction.Kind.valueOf(rows.getString("kind")), rows.getString("target"), until,
                        rows.getString("reason"), Instant.ofEpochMilli(rows.getLong("at"))));
            }
        }
        return all;
    }

    static void save(Connection connection, Sanction s) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT OR REPLACE INTO sanction (kind, target, until, reason, at) VALUES (?, ?, ?, ?, ?)")) {
            upsert.setString(1, s.kind().name());
            upsert.setString(2, s.target());
            if (s.until() == null) {
                upsert.setNull(3, java.sql.Types.INTEGER);
            } else {
                upsert.setLong(3, s.until().toEpochMilli());
            }
            upsert.setString(4, s.reason());
            upsert.setLong(5, s.at().toEpochMilli());
            upsert.executeUpdate();
        }
    }

    static void delete(Connection connection, Sanction.Kind kind, String target) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM sanction WHERE kind = ? AND target = ?")) {
            delete.setString(1, kind.name());
            delete.setString(2, target);
            delete.executeUpdate();
        }
    }
}
