package vn.schoolguard.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.core.type.TypeReference;

import vn.schoolguard.db.Database;
import vn.schoolguard.db.Json;
import vn.schoolguard.db.StoreException;
import vn.schoolguard.iplog.IpLogEntry;
import vn.schoolguard.iplog.IpLogRecord;
import vn.schoolguard.moderation.Decision;
import vn.schoolguard.db.Page;
import vn.schoolguard.moderation.Posted;
import vn.schoolguard.moderation.Poster;
import vn.schoolguard.moderation.Publication;
import vn.schoolguard.moderation.Review;
import vn.schoolguard.moderation.Scoring;
import vn.schoolguard.moderation.SessionValues;
import vn.schoolguard.moderation.Status;
import vn.schoolguard.moderation.Submission;
import vn.schoolguard.moderation.SubmissionQuery;
import vn.schoolguard.moderation.SubmissionRepository;
import vn.schoolguard.spam.Reason;
import vn.schoolguard.spam.Verdict;

/** Submissions and decisions in H2 or PostgreSQL through plain JDBC. */
public final class JdbcSubmissionStore implements SubmissionRepository {

    private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() { };
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() { };

    private static final String COLUMNS = "id, site_key, receipt, route, method, path, query_string, content_type,"
            + " headers_json, fields_json, raw_fields_json, removed_json, client_ip, client_port, peer_ip, peer_port,"
            + " forwarded_chain, user_agent, poster_user, received_at, status, verdict, score, reasons_json, fingerprint,"
            + " decided_at, decided_by, decision_reason, replay_status, replay_error, replay_attempts, version,"
            + " query_fields_json, raw_query_json, dropped_json, sent_at, seen_path, seen_at";

    private final Database database;
    private final TransactionLog ipLog;

    /** @param ipLog where the IP-log entry of each stored submission is appended, in the same transaction */
    public JdbcSubmissionStore(Database database, TransactionLog ipLog) {
        this.database = database;
        this.ipLog = ipLog;
    }

    @Override
    public Inserted insertWithLog(Submission s, SessionValues session, Function<Submission, IpLogEntry> logEntry) {
        String sql = "INSERT INTO sg_submissions (site_key, receipt, route, method, path, query_string, content_type,"
                + " headers_json, fields_json, raw_fields_json, removed_json, search_text, client_ip, client_port, peer_ip,"
                + " peer_port, forwarded_chain, user_agent, poster_user, received_at, status, verdict, score, reasons_json,"
                + " fingerprint, query_fields_json, raw_query_json, dropped_json)"
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                int i = 0;
                ps.setString(++i, s.siteKey());
                ps.setString(++i, s.receipt());
                ps.setString(++i, s.posted().route());
                ps.setString(++i, s.posted().method());
                ps.setString(++i, s.posted().path());
                ps.setString(++i, s.posted().queryString());
                ps.setString(++i, s.posted().contentType());
                ps.setString(++i, Json.write(s.posted().headers()));
                ps.setString(++i, Json.write(s.posted().fields()));
                ps.setString(++i, Json.write(s.posted().rawFields()));
                ps.setString(++i, Json.write(s.posted().removed()));
                ps.setString(++i, searchText(s.allRawFields()));
                ps.setString(++i, s.poster().clientIp());
                ps.setInt(++i, s.poster().clientPort());
                ps.setString(++i, s.poster().peerIp());
                ps.setInt(++i, s.poster().peerPort());
                ps.setString(++i, s.poster().forwardedChain());
                ps.setString(++i, s.poster().userAgent());
                ps.setString(++i, s.poster().posterUser());
                ps.setObject(++i, time(s.receivedAt()));
                ps.setString(++i, s.review().status().key());
                ps.setString(++i, s.scoring().verdict().key());
                ps.setDouble(++i, s.scoring().score());
                ps.setString(++i, Json.write(s.scoring().reasons()));
                ps.setString(++i, s.scoring().fingerprint());
                ps.setString(++i, Json.write(s.posted().queryFields()));
                ps.setString(++i, Json.write(s.posted().rawQueryFields()));
                ps.setString(++i, Json.write(s.posted().dropped()));
                ps.executeUpdate();
                Submission stored;
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    stored = s.withId(keys.getLong(1));
                }
                IpLogRecord logged = ipLog.append(c, logEntry.apply(stored));
                if (!session.isEmpty()) {
                    keepSessionValues(c, stored.siteKey(), stored.id(), session);
                }
                return new Inserted(stored, logged);
            }
        });
    }

    @Override
    public Optional<Submission> find(String siteKey, long id) {
        return database.read(c -> findOne(c, "site_key = ? AND id = ?", siteKey, id));
    }

    @Override
    public Optional<Submission> findByReceipt(String siteKey, String receipt) {
        return database.read(c -> findOne(c, "site_key = ? AND receipt = ?", siteKey, receipt));
    }

    @Override
    public Page<Submission> search(String siteKey, SubmissionQuery q) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder("site_key = ?");
        args.add(siteKey);
        q.status().ifPresent(status -> {
            where.append(" AND status = ?");
            args.add(status.key());
        });
        q.route().ifPresent(route -> {
            where.append(" AND route = ?");
            args.add(route);
        });
        q.from().ifPresent(from -> {
            where.append(" AND received_at >= ?");
            args.add(time(from));
        });
        q.to().ifPresent(to -> {
            where.append(" AND received_at < ?");
            args.add(time(to));
        });
        q.text().ifPresent(text -> {
            where.append(" AND search_text LIKE ? ESCAPE '\\'");
            args.add("%" + likeEscape(text.toLowerCase(Locale.ROOT)) + "%");
        });
        q.clientIp().ifPresent(ip -> {
            where.append(" AND client_ip = ?");
            args.add(ip);
        });
        q.reason().ifPresent(rule -> {
            where.append(" AND reasons_json LIKE ? ESCAPE '\\'");
            args.add("%\"rule\":\"" + likeEscape(rule) + "\"%");
        });
        return database.read(c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sg_submissions WHERE " + where)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            // Pending work is read oldest first, like a queue; everything else newest first.
            String order = q.status().filter(s -> s == Status.PENDING).isPresent() ? "received_at ASC, id ASC" : "received_at DESC, id DESC";
            String sql = "SELECT " + COLUMNS + " FROM sg_submissions WHERE " + where + " ORDER BY " + order + " LIMIT ? OFFSET ?";
            List<Submission> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                List<Object> pageArgs = new ArrayList<>(args);
                pageArgs.add(q.limit());
                pageArgs.add(q.offset());
                bind(ps, pageArgs);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(map(rs));
                    }
                }
            }
            return new Page<>(items, total);
        });
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
                        Status.parse(rs.getString(1)).ifPresent(status -> {
                            try {
                                counts.put(status, rs.getLong(2));
                            } catch (SQLException e) {
                                throw new StoreException(e.getMessage(), e);
                            }
                        });
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
        return database.inTransaction(c -> {
            String sql = "UPDATE sg_submissions SET status = ?, decided_at = ?, decided_by = ?, decision_reason = ?,"
                    + (newFields != null ? " fields_json = ?," : "")
                    + (newQueryFields != null ? " query_fields_json = ?," : "")
                    + " version = version + 1 WHERE site_key = ? AND id = ? AND status = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 0;
                ps.setString(++i, to.key());
                ps.setObject(++i, time(at));
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
                    return Optional.<Submission>empty();
                }
            }
            if (action != null) {
                appendDecision(c, siteKey, id, action, actor, at, from, to, reason, detail);
            }
            return findOne(c, "site_key = ? AND id = ?", siteKey, id);
        });
    }

    @Override
    public Optional<Submission> finishReplay(String siteKey, long id, boolean stored, int appStatus, String error,
                                             String actor, Instant at) {
        Status to = stored ? Status.APPROVED : Status.PENDING;
        return database.inTransaction(c -> {
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
                ps.setString(++i, stored ? null : truncate(error, 2000));
                ps.setObject(++i, time(at));
                ps.setString(++i, actor);
                if (stored) {
                    ps.setObject(++i, time(at));
                }
                ps.setString(++i, siteKey);
                ps.setLong(++i, id);
                ps.setString(++i, Status.REPLAYING.key());
                if (ps.executeUpdate() == 0) {
                    return Optional.<Submission>empty();
                }
            }
            String detail = "application answered " + (appStatus > 0 ? String.valueOf(appStatus) : "nothing")
                    + (stored ? "" : ": " + error);
            appendDecision(c, siteKey, id, stored ? "approve" : "replay-failed", actor, at, Status.REPLAYING, to, null, detail);
            return findOne(c, "site_key = ? AND id = ?", siteKey, id);
        });
    }

    @Override
    public Page<Submission> unseen(String siteKey, Instant sentFrom, Instant sentBefore, int limit) {
        String where = "site_key = ? AND status = ? AND seen_at IS NULL AND sent_at >= ? AND sent_at < ?";
        List<Object> args = List.of(siteKey, Status.APPROVED.key(), time(sentFrom), time(sentBefore));
        return database.read(c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sg_submissions WHERE " + where)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Submission> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sg_submissions WHERE " + where
                    + " ORDER BY sent_at ASC, id ASC LIMIT ?")) {
                List<Object> pageArgs = new ArrayList<>(args);
                pageArgs.add(limit);
                bind(ps, pageArgs);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(map(rs));
                    }
                }
            }
            return new Page<>(items, total);
        });
    }

    @Override
    public int releaseStaleReplays(String siteKey, Duration olderThan, Instant now) {
        return database.inTransaction(c -> {
            List<Long> stale = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM sg_submissions WHERE site_key = ? AND status = ? AND decided_at < ?")) {
                ps.setString(1, siteKey);
                ps.setString(2, Status.REPLAYING.key());
                ps.setObject(3, time(now.minus(olderThan)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stale.add(rs.getLong(1));
                    }
                }
            }
            String error = "the replay was interrupted; check the page before approving again, the application may already have stored it";
            for (long id : stale) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE sg_submissions SET status = ?, replay_error = ?,"
                        + " version = version + 1 WHERE id = ? AND status = ?")) {
                    ps.setString(1, Status.PENDING.key());
                    ps.setString(2, error);
                    ps.setLong(3, id);
                    ps.setString(4, Status.REPLAYING.key());
                    ps.executeUpdate();
                }
                appendDecision(c, siteKey, id, "release", "system", now, Status.REPLAYING, Status.PENDING, null, error);
            }
            return stale.size();
        });
    }

    @Override
    public List<Decision> history(String siteKey, long submissionId) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, submission_id, action, actor, acted_at, from_status,"
                    + " to_status, reason, detail FROM sg_decisions WHERE site_key = ? AND submission_id = ? ORDER BY id")) {
                ps.setString(1, siteKey);
                ps.setLong(2, submissionId);
                return decisions(ps);
            }
        });
    }

    @Override
    public Page<Decision> recentDecisions(String siteKey, int limit, int offset) {
        return database.read(c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sg_decisions WHERE site_key = ?")) {
                ps.setString(1, siteKey);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id, submission_id, action, actor, acted_at, from_status,"
                    + " to_status, reason, detail FROM sg_decisions WHERE site_key = ? ORDER BY id DESC LIMIT ? OFFSET ?")) {
                ps.setString(1, siteKey);
                ps.setInt(2, limit);
                ps.setInt(3, offset);
                return new Page<>(decisions(ps), total);
            }
        });
    }

    private static List<Decision> decisions(PreparedStatement ps) throws SQLException {
        List<Decision> list = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                list.add(new Decision(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), instant(rs, 5),
                        Status.parse(rs.getString(6)).orElseThrow(), Status.parse(rs.getString(7)).orElseThrow(),
                        rs.getString(8), rs.getString(9)));
            }
        }
        return list;
    }

    static void appendDecision(Connection c, String siteKey, long id, String action, String actor, Instant at,
                                       Status from, Status to, String reason, String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sg_decisions (site_key, submission_id, action, actor,"
                + " acted_at, from_status, to_status, reason, detail) VALUES (?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, siteKey);
            ps.setLong(2, id);
            ps.setString(3, action);
            ps.setString(4, actor);
            ps.setObject(5, time(at));
            ps.setString(6, from.key());
            ps.setString(7, to.key());
            ps.setString(8, truncate(reason, 2000));
            ps.setString(9, truncate(detail, 100_000));
            ps.executeUpdate();
        }
    }

    private static Optional<Submission> findOne(Connection c, String where, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sg_submissions WHERE " + where)) {
            bind(ps, List.of(args));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    private static Submission map(ResultSet rs) throws SQLException {
        Posted posted = new Posted(rs.getString("route"), rs.getString("method"), rs.getString("path"),
                rs.getString("query_string"), rs.getString("content_type"), Json.readListMap(rs.getString("headers_json")),
                Json.readListMap(rs.getString("fields_json")), Json.readListMap(rs.getString("raw_fields_json")),
                Json.readListMap(rs.getString("removed_json")), listMap(rs.getString("query_fields_json")),
                listMap(rs.getString("raw_query_json")),
                rs.getString("dropped_json") == null ? List.of() : Json.read(rs.getString("dropped_json"), NAMES));
        Poster poster = new Poster(rs.getString("client_ip"), rs.getInt("client_port"), rs.getString("peer_ip"),
                rs.getInt("peer_port"), rs.getString("forwarded_chain"), rs.getString("user_agent"),
                rs.getString("poster_user"));
        Scoring scoring = new Scoring(Verdict.valueOf(rs.getString("verdict").toUpperCase(Locale.ROOT)),
                rs.getDouble("score"), Json.read(rs.getString("reasons_json"), REASONS), rs.getString("fingerprint"));
        int replayStatus = rs.getInt("replay_status");
        Integer replay = rs.wasNull() ? null : replayStatus;
        Review review = new Review(Status.parse(rs.getString("status")).orElseThrow(), instant(rs, "decided_at"),
                rs.getString("decided_by"), rs.getString("decision_reason"), replay, rs.getString("replay_error"),
                rs.getInt("replay_attempts"), rs.getInt("version"),
                new Publication(instant(rs, "sent_at"), rs.getString("seen_path"), instant(rs, "seen_at")));
        return new Submission(rs.getLong("id"), rs.getString("site_key"), rs.getString("receipt"),
                instant(rs, "received_at"), posted, poster, scoring, review);
    }

    private static Map<String, List<String>> listMap(String json) {
        return json == null ? Map.of() : Json.readListMap(json);
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String searchText(Map<String, List<String>> fields) {
        StringBuilder text = new StringBuilder();
        fields.values().forEach(values -> values.forEach(v -> text.append(v).append('\n')));
        return truncate(text.toString().toLowerCase(Locale.ROOT), 1_000_000);
    }

    static String likeEscape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static void keepSessionValues(Connection c, String siteKey, long submissionId, SessionValues values)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sg_submissions SET session_json = ? WHERE site_key = ? AND id = ?")) {
            ps.setString(1, values.toJson());
            ps.setString(2, siteKey);
            ps.setLong(3, submissionId);
            ps.executeUpdate();
        }
    }

    @Override
    public SessionValues sessionValues(String siteKey, long submissionId) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT session_json FROM sg_submissions WHERE site_key = ? AND id = ?")) {
                ps.setString(1, siteKey);
                ps.setLong(2, submissionId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? SessionValues.fromJson(rs.getString(1))
                            : SessionValues.NONE;
                }
            }
        });
    }

    @Override
    public void addSpamMarks(String siteKey, long submissionId, Map<String, java.util.Set<String>> marks, Instant at) {
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sg_spam_marks (site_key, kind, mark_value, submission_id,"
                    + " marked_at) VALUES (?,?,?,?,?)")) {
                for (Map.Entry<String, java.util.Set<String>> kind : marks.entrySet()) {
                    for (String value : kind.getValue()) {
                        if (value == null || value.isBlank()) {
                            continue;
                        }
                        ps.setString(1, siteKey);
                        ps.setString(2, kind.getKey());
                        ps.setString(3, truncate(value, 300));
                        ps.setLong(4, submissionId);
                        ps.setObject(5, time(at));
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void removeSpamMarks(String siteKey, long submissionId) {
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sg_spam_marks WHERE site_key = ? AND submission_id = ?")) {
                ps.setString(1, siteKey);
                ps.setLong(2, submissionId);
                return ps.executeUpdate();
            }
        });
    }
}
