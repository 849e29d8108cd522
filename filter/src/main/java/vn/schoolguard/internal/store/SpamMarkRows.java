package vn.schoolguard.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** What moderators marked as spam (sg_spam_marks), written from the queue; {@link JdbcSpamMemory} reads it. */
final class SpamMarkRows {

    private SpamMarkRows() {
    }

    static void add(Connection c, String siteKey, long submissionId, Map<String, Set<String>> marks, Instant at)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sg_spam_marks (site_key, kind, mark_value,"
                + " submission_id, marked_at) VALUES (?,?,?,?,?)")) {
            for (Map.Entry<String, Set<String>> kind : marks.entrySet()) {
                for (String value : kind.getValue()) {
                    if (value == null || value.isBlank()) {
                        continue;
                    }
                    ps.setString(1, siteKey);
                    ps.setString(2, kind.getKey());
                    ps.setString(3, Jdbc.truncate(value, 300));
                    ps.setLong(4, submissionId);
                    ps.setObject(5, Jdbc.time(at));
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    static int remove(Connection c, String siteKey, long submissionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM sg_spam_marks WHERE site_key = ? AND submission_id = ?")) {
            ps.setString(1, siteKey);
            ps.setLong(2, submissionId);
            return ps.executeUpdate();
        }
    }
}
