package vn.schoolguard.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import vn.schoolguard.internal.db.Page;
import vn.schoolguard.internal.moderation.Decision;
import vn.schoolguard.internal.moderation.Status;

/** The append-only history of decisions on submissions (sg_decisions). */
final class DecisionLog {

    private static final String COLUMNS = "id, submission_id, action, actor, acted_at, from_status, to_status, reason, detail";

    private DecisionLog() {
    }

    /** Appends one entry in the caller's transaction, the one that changed the submission. */
    static void append(Connection c, String siteKey, long id, String action, String actor, Instant at, Status from,
                       Status to, String reason, String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sg_decisions (site_key, submission_id, action, actor,"
                + " acted_at, from_status, to_status, reason, detail) VALUES (?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, siteKey);
            ps.setLong(2, id);
            ps.setString(3, action);
            ps.setString(4, actor);
            ps.setObject(5, Jdbc.time(at));
            ps.setString(6, from.key());
            ps.setString(7, to.key());
            ps.setString(8, Jdbc.truncate(reason, 2000));
            ps.setString(9, Jdbc.truncate(detail, 100_000));
            ps.executeUpdate();
        }
    }

    static List<Decision> history(Connection c, String siteKey, long submissionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM sg_decisions WHERE site_key = ? AND submission_id = ? ORDER BY id")) {
            ps.setString(1, siteKey);
            ps.setLong(2, submissionId);
            return decisions(ps);
        }
    }

    static Page<Decision> recent(Connection c, String siteKey, int limit, int offset) throws SQLException {
        long total = Jdbc.count(c, "SELECT COUNT(*) FROM sg_decisions WHERE site_key = ?", List.of(siteKey));
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM sg_decisions WHERE site_key = ? ORDER BY id DESC LIMIT ? OFFSET ?")) {
            ps.setString(1, siteKey);
            ps.setInt(2, limit);
            ps.setInt(3, offset);
            return new Page<>(decisions(ps), total);
        }
    }

    private static List<Decision> decisions(PreparedStatement ps) throws SQLException {
        List<Decision> list = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                list.add(new Decision(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), Jdbc.instant(rs, 5),
                        Status.parse(rs.getString(6)).orElseThrow(), Status.parse(rs.getString(7)).orElseThrow(),
                        rs.getString(8), rs.getString(9)));
            }
        }
        return list;
    }
}
