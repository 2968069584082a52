package org.natter.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.natter.common.model.ChatMessage;
import org.natter.common.protocol.Names;
import org.natter.server.core.MessageStore.Conversation;

/**
 * Full-text search with SQLite's FTS5, limited to what one user may read. The user's words are matched as
 * quoted terms (all of them, in any order), so nothing they type is read as FTS5 syntax.
 */
final class SearchQuery {

    private SearchQuery() {
    }

    static List<ChatMessage> run(Connection connection, String user, List<String> rooms, String query,
                                 Conversation only, int limit) throws SQLException {
        String match = terms(query);
        if (match.isEmpty()) {
            return List.of();
        }
        List<String> args = new ArrayList<>();
        args.add(match);
        StringBuilder sql = new StringBuilder("SELECT m.* FROM message_text JOIN message m ON m.id = message_text.rowid"
                + " WHERE message_text MATCH ? AND ");
        if (only != null && only.isDirect()) {
            sql.append("m.dm_key = ?");
            args.add(MessageTable.dmKey(only.user(), only.with()));
        } else if (only != null) {
            sql.append("m.room_key = ?");
            args.add(Names.key(only.room()));
        } else {
            String userKey = Names.key(user);
            sql.append("(m.recipient_key = ? OR (m.recipient_key IS NOT NULL AND m.sender_key = ?)");
            args.add(userKey);
            args.add(userKey);
            for (String room : rooms) {
                sql.append(" OR m.room_key = ?");
                args.add(Names.key(room));
            }
            sql.append(")");
        }
        sql.append(" ORDER BY m.id DESC LIMIT ").append(limit);
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
        return found;
    }

    /** {@code cats "big dogs"} becomes {@code "cats" "big" "dogs"}: each word a quoted FTS5 term. */
    static String terms(String query) {
        StringBuilder match = new StringBuilder();
        for (String word : query.strip().split("\\s+")) {
            String clean = word.replace("\"", "");
            if (!clean.isEmpty()) {
                match.append(match.length() == 0 ? "" : " ").append('"').append(clean).append('"');
            }
        }
        return match.toString();
    }
}
