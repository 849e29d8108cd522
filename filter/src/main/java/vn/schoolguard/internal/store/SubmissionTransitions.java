package vn.schoolguard.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.schoolguard.internal.db.Json;
import vn.schoolguard.internal.moderation.Status;
import vn.schoolguard.internal.moderation.Submission;

/**
 * Status changes of stored submissions, each guarded by the status it leaves (so two moderators never both win)
 * and written with its history entry on the caller's connection: decisions, replay outcomes and their publication
 * state, stale replays.
 */
final class SubmissionTransitions {

    private static final String INTERRUPTED = "the replay was interrupted; check the page before approving again,"
            + " the application may already have stored it";

    private SubmissionTransitions() {
    }

    static Optional<Submission> transition(Connection c, String siteKey, long id, Status from, Status to, String action,
                                           String actor, Instant at, String reason, String detail,
                                           Map<String, List<String>> newFields, Map<String, List<String>> newQueryFields)
            throws SQLException {
        String sql = "UPDATE sg_submissions SET status = ?, decided_at = ?, decided_by = ?, decision_reason = ?,"
                + (newFields != null ? " fields_json = ?," : "")
                + (newQueryFields != null ? " query_fields_json = ?," : "")
                + " version = version + 1 WHERE site_key = ? AND id = ? AND status = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 0;
            ps.setString(++i, to.key());
            ps.setObject(++i, Jdbc.time(at));
            ps.setString(++i, actor);
            ps.setString(++i, reason);
            if (newFields != null) {
                ps.setString(++i, Json.write(newFields));
            }
            if (newQueryFields != null) {
                ps.setString(++i, Json.write(newQueryFields));
            }
            ps.setString(++i, siteKey);
            ps.setLong(++i, id);
            ps.setString(++i, from.key());
            if (ps.executeUpdate() == 0) {
                return Optional.empty();
            }
        }
        if (action != null) {
            DecisionLog.append(c, siteKey, id, action, actor, at, from, to, reason, detail);
        }
        return SubmissionRows.findOne(c, "site_key = ? AND id = ?", siteKey, id);
    }

    /**
     * Records a replay's outcome: accepted ones are approved and sent (not seen yet, whatever an earlier
     * attempt saw), refused ones go back to the queue with the error.
     */
    static Optional<Submission> finishReplay(Connection c, String siteKey, long id, boolean stored, int appStatus,
                                             String error, String actor, Instant at) throws SQLException {
        Status to = stored ? Status.APPROVED : Status.PENDING;
        String sql = "UPDATE sg_submissions SET status = ?, replay_status = ?, replay_error = ?,"
                + " replay_attempts = replay_attempts + 1, decided_at = ?, decided_by = ?, version = version + 1"
                + (stored ? ", sent_at = ?, seen_path = NULL, seen_at = NULL" : "")
                + " WHERE site_key = ? AND id = ? AND status = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 0;
            ps.setString(++i, to.key());
            if (appStatus > 0) {
                ps.setInt(++i, appStatus);
            } else {
                ps.setNull(++i, Types.INTEGER);
            }
            ps.setString(++i, stored ? null : Jdbc.truncate(error, 2000));
            ps.setObject(++i, Jdbc.time(at));
            ps.setString(++i, actor);
            if (stored) {
                ps.setObject(++i, Jdbc.time(at));
            }
            ps.setString(++i, siteKey);
            ps.setLong(++i, id);
            ps.setString(++i, Status.REPLAYING.key());
            if (ps.executeUpdate() == 0) {
                return Optional.empty();
            }
        }
        String detail = "application answered " + (appStatus > 0 ? String.valueOf(appStatus) : "nothing")
                + (stored ? "" : ": " + error);
        DecisionLog.append(c, siteKey, id, stored ? "approve" : "replay-failed", actor, at, Status.REPLAYING, to, null,
                detail);
        return SubmissionRows.findOne(c, "site_key = ? AND id = ?", siteKey, id);
    }

    static int releaseStaleReplays(Connection c, String siteKey, Duration olderThan, Instant now) throws SQLException {
        List<Long> stale = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM sg_submissions WHERE site_key = ? AND status = ? AND decided_at < ?")) {
            ps.setString(1, siteKey);
            ps.setString(2, Status.REPLAYING.key());
            ps.setObject(3, Jdbc.time(now.minus(olderThan)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stale.add(rs.getLong(1));
                }
            }
        }
        for (long id : stale) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sg_submissions SET status = ?, replay_error = ?,"
                    + " version = version + 1 WHERE id = ? AND status = ?")) {
                ps.setString(1, Status.PENDING.key());
                ps.setString(2, INTERRUPTED);
                ps.setLong(3, id);
                ps.setString(4, Status.REPLAYING.key());
                ps.executeUpdate();
            }
            DecisionLog.append(c, siteKey, id, "release", "system", now, Status.REPLAYING, Status.PENDING, null,
                    INTERRUPTED);
        }
        return stale.size();
    }
}
