package vn.schoolguard.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.db.Page;
import vn.schoolguard.internal.iplog.IpLogEntry;
import vn.schoolguard.internal.iplog.IpLogRecord;
import vn.schoolguard.internal.moderation.Decision;
import vn.schoolguard.internal.moderation.SessionValues;
import vn.schoolguard.internal.moderation.Status;
import vn.schoolguard.internal.moderation.Submission;
import vn.schoolguard.internal.moderation.SubmissionQuery;
import vn.schoolguard.internal.moderation.SubmissionRepository;

/**
 * Submissions and decisions in H2 or PostgreSQL through plain JDBC: each call is one read or one transaction;
 * rows, the search clause, status changes and the decision history are kept in their own classes.
 */
public final class JdbcSubmissionStore implements SubmissionRepository {

    private static final String BY_ID = "site_key = ? AND id = ?";
    private static final String UNSEEN = "site_key = ? AND status = ? AND seen_at IS NULL AND sent_at >= ? AND sent_at < ?";

    private final Database database;
    private final TransactionLog ipLog;

    /** @param ipLog where the IP-log entry of each stored submission is appended, in the same transaction */
    public JdbcSubmissionStore(Database database, TransactionLog ipLog) {
        this.database = database;
        this.ipLog = ipLog;
    }

    @Override
    public Inserted insertWithLog(Submission s, SessionValues session, Function<Submission, IpLogEntry> logEntry) {
        return database.inTransaction(c -> {
            Submission stored;
            try (PreparedStatement ps = c.prepareStatement(SubmissionRows.INSERT, Statement.RETURN_GENERATED_KEYS)) {
                SubmissionRows.bindInsert(ps, s);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    stored = s.withId(keys.getLong(1));
                }
            }
            IpLogRecord logged = ipLog.append(c, logEntry.apply(stored));
            if (!session.isEmpty()) {
                keepSessionValues(c, stored.siteKey(), stored.id(), session);
            }
            return new Inserted(stored, logged);
        });
    }

    @Override
    public Optional<Submission> find(String siteKey, long id) {
        return database.read(c -> SubmissionRows.findOne(c, BY_ID, siteKey, id));
    }

    @Override
    public Optional<Submission> findByReceipt(String siteKey, String receipt) {
        return database.read(c -> SubmissionRows.findOne(c, "site_key = ? AND receipt = ?", siteKey, receipt));
    }

    @Override
    public Page<Submission> search(String siteKey, SubmissionQuery q) {
        SubmissionWhere where = SubmissionWhere.of(siteKey, q);
        return database.read(c -> SubmissionRows.page(c, where.sql(), where.args(), where.order(), q.limit(), q.offset()));
    }

    @Override
    public Map<Status, Long> countByStatus(String siteKey) {
        return database.read(c -> {
            Map<Status, Long> counts = new EnumMap<>(Status.class);
            for (Status status : Status.values()) {
                counts.put(status, 0L);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT status, COUNT(*) FROM sg_submissions WHERE site_key = ? GROUP BY status")) {
                ps.setString(1, siteKey);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        // Rows in a status this version does not know are left out of the counts.
                        Optional<Status> status = Status.parse(rs.getString(1));
                        if (status.isPresent()) {
                            counts.put(status.get(), rs.getLong(2));
                        }
                    }
                }
            }
            return counts;
        });
    }

    @Override
    public Optional<Submission> transition(String siteKey, long id, Status from, Status to, String action, String actor,
                                           Instant at, String reason, String detail, Map<String, List<String>> newFields,
                                           Map<String, List<String>> newQueryFields) {
        return database.inTransaction(c -> SubmissionTransitions.transition(c, siteKey, id, from, to, action, actor, at,
                reason, detail, newFields, newQueryFields));
    }

    @Override
    public Optional<Submission> finishReplay(String siteKey, long id, boolean stored, int appStatus, String error,
                                             String actor, Instant at) {
        return database.inTransaction(c -> SubmissionTransitions.finishReplay(c, siteKey, id, stored, appStatus, error,
                actor, at));
    }

    @Override
    public Page<Submission> unseen(String siteKey, Instant sentFrom, Instant sentBefore, int limit) {
        List<Object> args = List.of(siteKey, Status.APPROVED.key(), Jdbc.time(sentFrom), Jdbc.time(sentBefore));
        return database.read(c -> SubmissionRows.page(c, UNSEEN, args, "sent_at ASC, id ASC", limit, null));
    }

    @Override
    public int releaseStaleReplays(String siteKey, Duration olderThan, Instant now) {
        return database.inTransaction(c -> SubmissionTransitions.releaseStaleReplays(c, siteKey, olderThan, now));
    }

    @Override
    public List<Decision> history(String siteKey, long submissionId) {
        return database.read(c -> DecisionLog.history(c, siteKey, submissionId));
    }

    @Override
    public Page<Decision> recentDecisions(String siteKey, int limit, int offset) {
        return database.read(c -> DecisionLog.recent(c, siteKey, limit, offset));
    }

    @Override
    public void addSpamMarks(String siteKey, long submissionId, Map<String, Set<String>> marks, Instant at) {
        database.inTransaction(c -> {
            SpamMarkRows.add(c, siteKey, submissionId, marks, at);
            return null;
        });
    }

    @Override
    public void removeSpamMarks(String siteKey, long submissionId) {
        database.inTransaction(c -> SpamMarkRows.remove(c, siteKey, submissionId));
    }

    @Override
    public SessionValues sessionValues(String siteKey, long submissionId) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT session_json FROM sg_submissions WHERE " + BY_ID)) {
                ps.setString(1, siteKey);
                ps.setLong(2, submissionId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? SessionValues.fromJson(rs.getString(1)) : SessionValues.NONE;
                }
            }
        });
    }

    private static void keepSessionValues(Connection c, String siteKey, long submissionId, SessionValues values)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sg_submissions SET session_json = ? WHERE " + BY_ID)) {
            ps.setString(1, values.toJson());
            ps.setString(2, siteKey);
            ps.setLong(3, submissionId);
            ps.executeUpdate();
        }
    }
}
