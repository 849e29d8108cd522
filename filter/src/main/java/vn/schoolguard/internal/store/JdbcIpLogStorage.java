package vn.schoolguard.internal.store;

import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.db.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import vn.schoolguard.internal.iplog.ChainAppend;
import vn.schoolguard.internal.iplog.ChainHash;
import vn.schoolguard.internal.iplog.ChainHead;
import vn.schoolguard.internal.iplog.IpLogRecord;
import vn.schoolguard.internal.iplog.IpLogStorage;
import vn.schoolguard.internal.iplog.IpLogWhere;
import vn.schoolguard.internal.log.Log;
import vn.schoolguard.internal.db.Page;

/**
 * The IP log in the SchoolGuard database ({@code sg_iplog}, {@code sg_iplog_head}, {@code sg_iplog_checkpoints},
 * {@code sg_iplog_audit}) on H2 or PostgreSQL. Appends lock the site's head row ({@code FOR UPDATE}), which
 * serialises them across nodes. Also appends inside a transaction the submission store holds ({@link TransactionLog}).
 */
public final class JdbcIpLogStorage implements IpLogStorage {

    private static final Log LOG = Log.get(vn.schoolguard.internal.iplog.IpLog.class);

    private final Database database;
    private final JdbcIpLogRetention retention;
    private final JdbcIpLogAudit audit;

    public JdbcIpLogStorage(Database database) {
        this.database = database;
        this.retention = new JdbcIpLogRetention(database);
        this.audit = new JdbcIpLogAudit(database);
    }

    @Override
    public void createHead(String siteKey) {
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

    @Override
    public IpLogRecord append(ChainAppend append) {
        return database.inTransaction(c -> appendWithin(c, append));
    }

    /** Appends within the caller's transaction on {@code connection}; the caller commits (or rolls back) both. */
    public IpLogRecord append(Connection connection, ChainAppend append) {
        try {
            return appendWithin(connection, append);
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    private IpLogRecord appendWithin(Connection c, ChainAppend append) throws SQLException {
        String siteKey = append.siteKey();
        ChainHead head;
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, last_hash, last_at FROM sg_iplog_head WHERE site_key = ? FOR UPDATE")) {
            ps.setString(1, siteKey);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("the IP log head of site " + siteKey + " is missing");
                }
                OffsetDateTime last = rs.getObject(3, OffsetDateTime.class);
                head = new ChainHead(rs.getLong(1), rs.getString(2), last == null ? Instant.EPOCH : last.toInstant());
            }
        }
        IpLogRecord record = append.seal(head);
        JdbcIpLogRows.insert(c, siteKey, record);
        try (PreparedStatement ps = c.prepareStatement("UPDATE sg_iplog_head SET last_seq = ?, last_hash = ?, last_at = ? WHERE site_key = ?")) {
            ps.setLong(1, record.seq());
            ps.setString(2, record.entryHash());
            ps.setObject(3, record.loggedAt().atOffset(ZoneOffset.UTC));
            ps.setString(4, siteKey);
            ps.executeUpdate();
        }
        if (ChainAppend.checkpointDue(record)) {
            JdbcIpLogRetention.checkpoint(c, siteKey, new ChainHead(record.seq(), record.entryHash(), record.loggedAt()));
        }
        return record;
    }

    @Override
    public Optional<ChainHead> head(String siteKey) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT last_seq, last_hash, last_at FROM sg_iplog_head WHERE site_key = ?")) {
                ps.setString(1, siteKey);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    OffsetDateTime last = rs.getObject(3, OffsetDateTime.class);
                    return Optional.of(new ChainHead(rs.getLong(1), rs.getString(2), last == null ? Instant.EPOCH : last.toInstant()));
                }
            }
        });
    }

    @Override
    public Map<Long, String> checkpoints(String siteKey) {
        return database.read(c -> {
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
    }

    @Override
    public long count(IpLogWhere.Condition where) {
        return database.read(c -> count(c, where));
    }

    private static long count(Connection c, IpLogWhere.Condition where) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sg_iplog WHERE " + where.sql())) {
            JdbcIpLogRows.bind(ps, where);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public Page<IpLogRecord> page(IpLogWhere.Condition where, int limit, int offset) {
        return database.read(c -> {
            long total = count(c, where);
            // Pick the page's row ids first: for address and block searches the index alone answers, so a busy
            // CGNAT address does not cost a table read per match; then fetch just the page's rows by primary key.
            // Newest first by time (which follows the chain, as entries are stamped under the chain's lock): for one
            // address that is the index's own order, read backwards, so the page stops after `limit` entries.
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM sg_iplog WHERE " + where.sql()
                    + " ORDER BY logged_at DESC, seq DESC LIMIT ? OFFSET ?")) {
                int n = JdbcIpLogRows.bind(ps, where);
                ps.setInt(n + 1, limit);
                ps.setInt(n + 2, offset);
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
            try (PreparedStatement ps = c.prepareStatement("SELECT " + JdbcIpLogRows.COLUMNS + " FROM sg_iplog WHERE id IN ("
                    + String.join(",", Collections.nCopies(ids.size(), "?")) + ") ORDER BY logged_at DESC, seq DESC")) {
                for (int i = 0; i < ids.size(); i++) {
                    ps.setLong(i + 1, ids.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(JdbcIpLogRows.read(rs));
                    }
                }
            }
            return new Page<>(items, total);
        });
    }

    @Override
    public Span span(IpLogWhere.Condition where) {
        return database.read(c -> {
            long matches;
            Long firstSeq;
            Long lastSeq;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), MIN(seq), MAX(seq) FROM sg_iplog WHERE " + where.sql())) {
                JdbcIpLogRows.bind(ps, where);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    matches = rs.getLong(1);
                    long first = rs.getLong(2);
                    firstSeq = rs.wasNull() ? null : first;
                    long last = rs.getLong(3);
                    lastSeq = rs.wasNull() ? null : last;
                }
            }
            String lastHash = null;
            if (lastSeq != null) {
                try (PreparedStatement ps = c.prepareStatement("SELECT entry_hash FROM sg_iplog WHERE site_key = ? AND seq = ?")) {
                    ps.setString(1, where.siteKey());
                    ps.setLong(2, lastSeq);
                    try (ResultSet rs = ps.executeQuery()) {
                        lastHash = rs.next() ? rs.getString(1) : null;
                    }
                }
            }
            return new Span(matches, firstSeq, lastSeq, lastHash);
        });
    }

    @Override
    public long stream(IpLogWhere.Condition where, Consumer<IpLogRecord> sink) {
        String sql = "SELECT " + JdbcIpLogRows.COLUMNS + " FROM sg_iplog WHERE " + where.sql() + " ORDER BY seq";
        try (Connection c = database.dataSource().getConnection()) {
            // PostgreSQL only streams with a cursor inside a transaction; otherwise it loads every row first.
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(1000);
                JdbcIpLogRows.bind(ps, where);
                long n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(JdbcIpLogRows.read(rs));
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

    @Override
    public Optional<Purge> purge(String siteKey, Instant before) {
        return retention.purge(siteKey, before);
    }

    @Override
    public int pseudonymise(String siteKey, Instant before, UnaryOperator<String> pseudonym) {
        return retention.pseudonymise(siteKey, before, pseudonym);
    }

    @Override
    public void audit(String siteKey, AuditEntry entry) {
        audit.insert(siteKey, entry);
    }

    @Override
    public Page<AuditEntry> auditTrail(String siteKey, int limit, int offset) {
        return audit.trail(siteKey, limit, offset);
    }
}
