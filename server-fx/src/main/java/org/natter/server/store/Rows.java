package org.natter.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.natter.common.model.ChatMessage;

/** Reads a {@code message} row. */
final class Rows {

    private Rows() {
    }

    static ChatMessage message(ResultSet row) throws SQLException {
        return new ChatMessage(row.getLong("id"), row.getString("sender"), row.getString("text"),
                Instant.ofEpochMilli(row.getLong("ts")), row.getString("room"), row.getString("recipient"));
    }
}
