package vn.schoolguard.iplog;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import vn.schoolguard.log.Line;
import vn.schoolguard.log.Log;

import vn.schoolguard.db.Page;
import vn.schoolguard.net.IpLiteral;
import vn.schoolguard.db.Database;
import vn.schoolguard.db.Json;
import vn.schoolguard.db.StoreException;

/**
 * The append-only, hash-chained log of submission attempts, with search, streaming export, verification,
 * retention and an audit of every look-up. Thread-safe; appends of one site are serialised by a lock on
 * the chain's head row, which keeps sequence numbers gapless on one node or many.
 */
public final class IpLog {

    /** Logger that mirrors every entry, key facts in the text and every column in the MDC (the sample writes logs/iplog.json). */
    public static final String MIRROR_LOGGER = "vn.schoolguard.iplog";
    static final int CHECKPOINT_EVERY = 1000;

    private static final Log MIRROR = Log.get(MIRROR_LOGGER);
    private static final Log LOG = Log.get(IpLog.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "seq, logged_at, client_ip, client_port, peer_ip, peer_port, forwarded_chain,"
            + " forwarded_flag, user_agent, poster_user, route, method, path, submission_id, receipt, outcome, detail,"
            + " content_sha256, personal_salt, personal_hash, pseudonymised, prev_hash, entry_hash";

    private final Database database;
    private final String siteKey;
    private final Clock clock;

    public IpLog(Database database, String siteKey, Clock clock) {
        this.database = database;
        this.siteKey = siteKey;
        this.clock = clock;
        ensureHead();
    }

    /** Appends an entry within the caller's transaction (so a submission is never stored without its entry). */
    public IpLogRecord append(Connection c, IpLogEntry e) throws SQLException {
        long lastSeq;
        String lastHash;
        Instant lastAt;
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, last_hash, last_at FROM sg_iplog_head WHERE site_key = ? FOR UPDATE")) {
            ps.setString(1, siteKey);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("the IP log head of site " + siteKey + " is missing");
                }
                lastSeq = rs.getLong(1);
                lastHash = rs.getString(2);
                OffsetDateTime last = rs.getObject(3, OffsetDateTime.class);
                lastAt = last == null ? Instant.EPOCH : last.toInstant();
            }
        }
        // Security-critical: millisecond precision, and never before the previous entry, so time order follows chain
        // order even when the clock steps back; retention cuts by time, and an entry stamped in the past would be
        // purged together with (and take with it) everything logged before it.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant at = now.isBefore(lastAt) ? lastAt : now;
        if (at != now) {
            LOG.warn("The clock is behind the IP log's last entry ({} < {}); the entry is stamped {}", now, lastAt, at);
        }
        String salt = HexFormat.of().formatHex(randomBytes(16));
        var client = e.client();
        // Cut to the column sizes before hashing: the hash must cover exactly what is stored, whatever a poster sends.
        String userAgent = truncate(e.userAgent(), 1000);
        String posterUser = truncate(e.posterUser(), 200);
        String path = truncate(e.path(), 2000);
        String forwarded = truncate(client.forwardedChain(), 2000);
        String route = truncate(e.route(), 100);
        String personal = ChainHash.personal(salt, client.ip(), client.port(), client.peerIp(), client.peerPort(),
                forwarded, userAgent, posterUser);
        IpLogRecord unsigned = new IpLogRecord(lastSeq + 1, at, client.ip(), client.port(), client.peerIp(), client.peerPort(),
                forwarded, client.malformed(), userAgent, posterUser, route, e.method(), path,
                e.submissionId(), e.receipt(), e.outcome(), truncate(e.detail(), 500), e.contentSha256(), salt, personal, false,
                lastHash, null);
        String hash = ChainHash.entry(siteKey, unsigned);
        IpLogRecord record = withHash(unsigned, hash);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sg_iplog (site_key, seq, logged_at, client_ip, client_ip_hex,"
                + " client_port, peer_ip, peer_port, forwarded_chain, forwarded_flag, user_agent, poster_user, route, method, path,"
                + " submission_id, receipt, outcome, detail, content_sha256, personal_salt, personal_hash, pseudonymised, prev_hash,"
                + " entry_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            int i = 0;
            ps.setString(++i, siteKey);
            ps.setLong(++i, record.seq());
            ps.setObject(++i, record.loggedAt().atOffset(ZoneOffset.UTC));
            ps.setString(++i, record.clientIp());
            ps.setString(++i, IpLiteral.hex(record.clientIp()).orElse(null));
            ps.setInt(++i, record.clientPort());
            ps.setString(++i, record.peerIp());
            ps.setInt(++i, record.peerPort());
            ps.setString(++i, record.forwardedChain());
            ps.setBoolean(++i, record.forwardedFlag());
            ps.setString(++i, record.userAgent());
            ps.setString(++i, record.posterUser());
            ps.setString(++i, record.route());
            ps.setString(++i, record.method());
            ps.setString(++i, record.path());
            if (record.submissionId() == null) {
                ps.setNull(++i, Types.BIGINT);
            } else {
                ps.setLong(++i, record.submissionId());
            }
            ps.setString(++i, record.receipt());
            ps.setString(++i, record.outcome().key());
            ps.setString(++i, record.detail());
            ps.setString(++i, record.contentSha256());
            ps.setString(++i, record.personalSalt());
            ps.setString(++i, record.personalHash());
            ps.setBoolean(++i, false);
            ps.setString(++i, record.prevHash());
            ps.setString(++i, record.entryHash());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE sg_iplog_head SET last_seq = ?, last_hash = ?, last_at = ? WHERE site_key = ?")) {
            ps.setLong(1, record.seq());
            ps.setString(2, record.entryHash());
            ps.setObject(3, record.loggedAt().atOffset(ZoneOffset.UTC));
            ps.setString(4, siteKey);
            ps.executeUpdate();
        }
        if (record.seq() % CHECKPOINT_EVERY == 0) {
            checkpoint(c, record.seq(), record.entryHash(), record.loggedAt());
        }
        return record;
    }

    /**
     * Appends an entry in its own transaction, then mirrors it to the log.
     *
     * @throws StoreException when the database is unavailable (the caller refuses the attempt)
     */
    public IpLogRecord record(IpLogEntry entry) {
        IpLogRecord record = database.inTransaction(c -> append(c, entry));
        mirror(record);
        return record;
    }

    /**
     * Writes an entry to the mirror logger (call after the transaction commits): the key facts in the text, e.g.
     * {@code iplog seq=42 outcome=held client=203.0.113.7:51234 peer=10.0.0.2:40112 route=comments ...}, every
     * column as an MDC field for structured appenders.
     */
    public void mirror(IpLogRecord r) {
        MIRROR.info(Line.of("iplog").add("seq", r.seq()).add("outcome", r.outcome().key())
                .address("client", r.clientIp(), r.clientPort()).address("peer", r.peerIp(), r.peerPort())
                .add("route", r.route()).add("path", r.path()).add("submission", r.submissionId()).add("receipt", r.receipt())
                .context("time", r.loggedAt().toString()).context("forwarded", r.forwardedChain())
                .context("user_agent", r.userAgent()).context("user", r.posterUser())
                .context("content_sha256", r.contentSha256()).context("entry_hash", r.entryHash()));
    }

    /** Mirrors an attempt that could not be stored at all (the database was down), so some trace remains. */
    public void mirrorUnstored(IpLogEntry e, String why) {
        MIRROR.warn(Line.of("iplog not stored").add("outcome", e.outcome().key())
                .address("client", e.client().ip(), e.client().port()).address("peer", e.client().peerIp(), e.client().peerPort())
                .add("route", e.route()).add("path", e.path())
                .context("time", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString())
                .context("content_sha256", e.contentSha256()).remark(why));
    }

    /** One page of matches, newest first, and the number of matches. */
    public Page<IpLogRecord> search(IpLogQuery query) {
        Where where = where(query);
        return database.read(c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sg_iplog WHERE " + where.sql)) {
                where.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            // Pick the page's row ids first: for address and block searches the index alone answers, so a busy
            // CGNAT address does not cost a table read per match; then fetch just the page's rows by primary key.
            // Newest first by time (which follows the chain, as entries are stamped under the chain's lock): for one
            // address that is the index's own order, read backwards, so the page stops after `limit` entries.
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM sg_iplog WHERE " + where.sql
                    + " ORDER BY logged_at DESC, seq DESC LIMIT ? OFFSET ?")) {
                int n = where.bind(ps);
                ps.setInt(n + 1, query.limit());
                ps.setInt(n + 2, query.offset());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            List<IpLogRecord> items = new ArrayList<>();
            if (ids.isEmpty()) {
                return new Page<>(items, total);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sg_iplog WHERE id IN ("
                    + String.join(",", java.util.Collections.nCopies(ids.size(), "?")) + ") ORDER BY logged_at DESC, seq DESC")) {
                for (int i = 0; i < ids.size(); i++) {
                    ps.setLong(i + 1, ids.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(map(rs));
                    }
                }
            }
            return new Page<>(items, total);
        });
    }

    /** Number of matches (for a progress bar). */
    public long count(IpLogQuery query) {
        Where where = where(query);
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sg_iplog WHERE " + where.sql)) {
                where.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** How many entries match, the first and last sequence number among them and the last one's hash (for a proof). */
    public Map<String, Object> span(IpLogQuery query) {
        Where where = where(query);
        return database.read(c -> {
            Map<String, Object> span = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), MIN(seq), MAX(seq) FROM sg_iplog WHERE " + where.sql)) {
                where.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    span.put("matches", rs.getLong(1));
                    long first = rs.getLong(2);
                    span.put("firstSeq", rs.wasNull() ? null : first);
                    long last = rs.getLong(3);
                    span.put("lastSeq", rs.wasNull() ? null : last);
                }
            }
            String lastHash = null;
            if (span.get("lastSeq") != null) {
                try (PreparedStatement ps = c.prepareStatement("SELECT entry_hash FROM sg_iplog WHERE site_key = ? AND seq = ?")) {
                    ps.setString(1, siteKey);
                    ps.setLong(2, (Long) span.get("lastSeq"));
                    try (ResultSet rs = ps.executeQuery()) {
                        lastHash = rs.next() ? rs.getString(1) : null;
                    }
                }
            }
            span.put("lastEntryHash", lastHash);
            return span;
        });
    }

    /** Every match in chain order, handed over one at a time from a database cursor: memory does not grow with the log. */
    public long stream(IpLogQuery query, Consumer<IpLogRecord> sink) {
        Where where = where(query);
        return streamSql("SELECT " + COLUMNS + " FROM sg_iplog WHERE " + where.sql + " ORDER BY seq", where::bind, sink);
    }

    /** The chain's head: the last sequence number and hash. */
    public Map<String, Object> head() {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, last_hash FROM sg_iplog_head WHERE site_key = ?")) {
                ps.setString(1, siteKey);
                try (ResultSet rs = ps.executeQuery()) {
                    Map<String, Object> head = new LinkedHashMap<>();
                    if (rs.next()) {
                        head.put("seq", rs.getLong(1));
                        head.put("hash", rs.getString(2));
                    }
                    return head;
                }
            }
        });
    }

    /**
     * Checks the whole chain: every entry's content against its hash, every link to the previous entry,
     * gapless numbering, checkpoints, and the head. Names the first bad entry.
     */
    public VerifyResult verify(LongConsumer progress) {
        Map<Long, String> checkpoints = database.read(c -> {
            Map<Long, String> map = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, entry_hash FROM sg_iplog_checkpoints WHERE site_key = ?")) {
                ps.setString(1, siteKey);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        map.put(rs.getLong(1), rs.getString(2));
                    }
                }
            }
            return map;
        });
        Map<String, Object> head = head();
        ChainVerifier verifier = new ChainVerifier(siteKey, checkpoints, progress);
        try {
            streamSql("SELECT " + COLUMNS + " FROM sg_iplog WHERE site_key = ? ORDER BY seq", ps -> {
                ps.setString(1, siteKey);
                return 1;
            }, verifier::accept);
        } catch (ChainVerifier.Broken broken) {
            return broken.result();
        }
        return verifier.finish(head.isEmpty() ? 0 : (Long) head.get("seq"), head.isEmpty() ? ChainHash.GENESIS : (String) head.get("hash"));
    }

    /**
     * Applies retention: replaces personal data of entries older than {@code pseudonymiseBefore} (if given)
     * by pseudonyms, and deletes entries older than {@code deleteBefore}, leaving a checkpoint that anchors
     * what remains.
     *
     * @return how many entries were deleted and how many pseudonymised
     */
    public int[] applyRetention(Instant deleteBefore, Optional<Instant> pseudonymiseBefore) {
        int deleted = database.inTransaction(c -> {
            long cut = -1;
            String cutHash = null;
            Instant cutTime = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, entry_hash, logged_at FROM sg_iplog WHERE site_key = ?"
                    + " AND logged_at < ? ORDER BY seq DESC LIMIT 1")) {
                ps.setString(1, siteKey);
                ps.setObject(2, deleteBefore.atOffset(ZoneOffset.UTC));
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        cut = rs.getLong(1);
                        cutHash = rs.getString(2);
                        cutTime = rs.getObject(3, OffsetDateTime.class).toInstant();
                    }
                }
            }
            if (cut < 0) {
                return 0;
            }
            checkpoint(c, cut, cutHash, cutTime);
            int n;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sg_iplog WHERE site_key = ? AND seq <= ?")) {
                ps.setString(1, siteKey);
                ps.setLong(2, cut);
                n = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sg_iplog_checkpoints WHERE site_key = ? AND seq < ?")) {
                ps.setString(1, siteKey);
                ps.setLong(2, cut);
                ps.executeUpdate();
            }
            MIRROR.info(Line.of("iplog retention").add("anchor_seq", cut).add("anchor_hash", cutHash)
                    .remark("entries up to the anchor deleted; the remaining chain is anchored here"));
            return n;
        });
        int pseudonymised = pseudonymiseBefore.map(before -> database.inTransaction(c -> {
            // A fresh key each run: pseudonyms group one run's rows without letting anyone reverse them later.
            byte[] key = randomBytes(32);
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, client_ip, peer_ip, poster_user FROM sg_iplog"
                    + " WHERE site_key = ? AND logged_at < ? AND pseudonymised = FALSE")) {
                ps.setString(1, siteKey);
                ps.setObject(2, before.atOffset(ZoneOffset.UTC));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE sg_iplog SET client_ip = ?, client_ip_hex = NULL, client_port = -1,"
                    + " peer_ip = ?, peer_port = -1, forwarded_chain = NULL, user_agent = NULL, poster_user = ?,"
                    + " personal_salt = NULL, pseudonymised = TRUE WHERE id = ?")) {
                for (Object[] row : rows) {
                    ps.setString(1, pseudonym(key, (String) row[1]));
                    ps.setString(2, pseudonym(key, (String) row[2]));
                    ps.setString(3, row[3] == null ? null : pseudonym(key, (String) row[3]));
                    ps.setLong(4, (Long) row[0]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return rows.size();
        })).orElse(0);
        if (deleted > 0 || pseudonymised > 0) {
            LOG.info("IP log retention: {} entries deleted, {} pseudonymised", deleted, pseudonymised);
        }
        return new int[] {deleted, pseudonymised};
    }

    /** Records a look-up of the log: who, what filter, how many rows. */
    public void audit(String actor, String action, Map<String, String> filter, long rows, String clientIp) {
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sg_iplog_audit (site_key, actor, acted_at, action, filter,"
                    + " row_count, client_ip) VALUES (?,?,?,?,?,?,?)")) {
                ps.setString(1, siteKey);
                ps.setString(2, actor);
                ps.setObject(3, clock.instant().atOffset(ZoneOffset.UTC));
                ps.setString(4, action);
                ps.setString(5, truncate(Json.write(filter), 2000));
                ps.setLong(6, rows);
                ps.setString(7, clientIp);
                return ps.executeUpdate();
            }
        });
    }

    /** The audit trail, newest first. */
    public Page<Map<String, Object>> auditTrail(int limit, int offset) {
        return database.read(c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sg_iplog_audit WHERE site_key = ?")) {
                ps.setString(1, siteKey);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Map<String, Object>> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT actor, acted_at, action, filter, row_count, client_ip FROM sg_iplog_audit"
                    + " WHERE site_key = ? ORDER BY id DESC LIMIT ? OFFSET ?")) {
                ps.setString(1, siteKey);
                ps.setInt(2, limit);
                ps.setInt(3, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> item = new LinkedHashMap<>();
                        item.put("actor", rs.getString(1));
                        item.put("at", rs.getObject(2, OffsetDateTime.class).toInstant().toString());
                        item.put("action", rs.getString(3));
                        item.put("filter", Json.read(rs.getString(4), new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() { }));
                        item.put("rows", rs.getLong(5));
                        item.put("clientIp", rs.getString(6));
                        items.add(item);
                    }
                }
            }
            return new Page<>(items, total);
        });
    }

    private void ensureHead() {
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sg_iplog_head WHERE site_key = ?")) {
                ps.setString(1, siteKey);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return null;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sg_iplog_head (site_key, last_seq, last_hash) VALUES (?, 0, ?)")) {
                ps.setString(1, siteKey);
                ps.setString(2, ChainHash.GENESIS);
                ps.executeUpdate();
            } catch (SQLException e) {
                // Another node created it at the same moment; that is just as good.
                LOG.debug("IP log head of {} created concurrently", siteKey);
            }
            return null;
        });
    }

    private void checkpoint(Connection c, long seq, String hash, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sg_iplog_checkpoints WHERE site_key = ? AND seq = ?")) {
            ps.setString(1, siteKey);
            ps.setLong(2, seq);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sg_iplog_checkpoints (site_key, seq, entry_hash, created_at) VALUES (?,?,?,?)")) {
            ps.setString(1, siteKey);
            ps.setLong(2, seq);
            ps.setString(3, hash);
            ps.setObject(4, at.atOffset(ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    private long streamSql(String sql, Binder binder, Consumer<IpLogRecord> sink) {
        try (Connection c = database.dataSource().getConnection()) {
            // PostgreSQL only streams with a cursor inside a transaction; otherwise it loads every row first.
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(1000);
                binder.bind(ps);
                long n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(map(rs));
                        n++;
                    }
                }
                c.commit();
                return n;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Binder {
        int bind(PreparedStatement ps) throws SQLException;
    }

    private record Where(String sql, List<Object> args) {
        int bind(PreparedStatement ps) throws SQLException {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            return args.size();
        }
    }

    private Where where(IpLogQuery q) {
        StringBuilder sql = new StringBuilder("site_key = ?");
        List<Object> args = new ArrayList<>();
        args.add(siteKey);
        q.ipHex().ifPresent(hex -> {
            sql.append(" AND client_ip_hex = ?");
            args.add(hex);
        });
        q.cidrRange().ifPresent(range -> {
            sql.append(" AND client_ip_hex BETWEEN ? AND ?");
            args.add(range[0]);
            args.add(range[1]);
        });
        q.port().ifPresent(port -> {
            sql.append(" AND client_port = ?");
            args.add(port);
        });
        q.from().ifPresent(from -> {
            sql.append(" AND logged_at >= ?");
            args.add(from.atOffset(ZoneOffset.UTC));
        });
        q.to().ifPresent(to -> {
            sql.append(" AND logged_at < ?");
            args.add(to.atOffset(ZoneOffset.UTC));
        });
        q.submissionId().ifPresent(id -> {
            sql.append(" AND submission_id = ?");
            args.add(id);
        });
        q.receipt().ifPresent(receipt -> {
            sql.append(" AND receipt = ?");
            args.add(receipt.trim().toUpperCase(java.util.Locale.ROOT));
        });
        q.route().ifPresent(route -> {
            sql.append(" AND route = ?");
            args.add(route);
        });
        q.user().ifPresent(user -> {
            sql.append(" AND poster_user = ?");
            args.add(user);
        });
        q.outcome().ifPresent(outcome -> {
            sql.append(" AND outcome = ?");
            args.add(outcome.key());
        });
        q.text().ifPresent(text -> {
            sql.append(" AND (LOWER(user_agent) LIKE ? OR LOWER(path) LIKE ? OR LOWER(detail) LIKE ?)");
            String like = "%" + text.toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%";
            args.add(like);
            args.add(like);
            args.add(like);
        });
        return new Where(sql.toString(), args);
    }

    private static IpLogRecord map(ResultSet rs) throws SQLException {
        long submission = rs.getLong(14);
        Long submissionId = rs.wasNull() ? null : submission;
        return new IpLogRecord(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3), rs.getInt(4),
                rs.getString(5), rs.getInt(6), rs.getString(7), rs.getBoolean(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getString(13), submissionId, rs.getString(15),
                Outcome.parse(rs.getString(16)).orElseThrow(), rs.getString(17), rs.getString(18), rs.getString(19),
                rs.getString(20), rs.getBoolean(21), rs.getString(22), rs.getString(23));
    }

    static IpLogRecord withHash(IpLogRecord r, String hash) {
        return new IpLogRecord(r.seq(), r.loggedAt(), r.clientIp(), r.clientPort(), r.peerIp(), r.peerPort(), r.forwardedChain(),
                r.forwardedFlag(), r.userAgent(), r.posterUser(), r.route(), r.method(), r.path(), r.submissionId(), r.receipt(),
                r.outcome(), r.detail(), r.contentSha256(), r.personalSalt(), r.personalHash(), r.pseudonymised(), r.prevHash(), hash);
    }

    private static String pseudonym(byte[] key, String value) {
        return value == null ? null : "anon-" + ChainHash.sha256(HexFormat.of().formatHex(key), value).substring(0, 12);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
