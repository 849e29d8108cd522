package vn.schoolguard.internal.store;

import vn.schoolguard.internal.db.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import vn.schoolguard.internal.iplog.ChainHead;
import vn.schoolguard.internal.iplog.IpLogStorage;

/** Retention in the IP log tables: checkpoints, purges anchored at a checkpoint, and pseudonymisation. */
final class JdbcIpLogRetention {

    private final Database database;

    JdbcIpLogRetention(Database database) {
        this.database = database;
    }

    Optional<IpLogStorage.Purge> purge(String siteKey, Instant before) {
        return database.inTransaction(c -> {
            Optional<ChainHead> cut = lastBefore(c, siteKey, before);
            if (cut.isEmpty()) {
                return Optional.empty();
            }
            ChainHead anchor = cut.get();
            checkpoint(c, siteKey, anchor);
            int deleted;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sg_iplog WHERE site_key = ? AND seq <= ?")) {
                ps.setString(1, siteKey);
                ps.setLong(2, anchor.seq());
                deleted = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sg_iplog_checkpoints WHERE site_key = ? AND seq < ?")) {
                ps.setString(1, siteKey);
                ps.setLong(2, anchor.seq());
                ps.executeUpdate();
            }
            return Optional.of(new IpLogStorage.Purge(anchor, deleted));
        });
    }

    private static Optional<ChainHead> lastBefore(Connection c, String siteKey, Instant before) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, entry_hash, logged_at FROM sg_iplog WHERE site_key = ?"
                + " AND logged_at < ? ORDER BY seq DESC LIMIT 1")) {
            ps.setString(1, siteKey);
            ps.setObject(2, before.atOffset(ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ChainHead(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant()));
            }
        }
    }

    int pseudonymise(String siteKey, Instant before, UnaryOperator<String> pseudonym) {
        return database.inTransaction(c -> {
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
                    ps.setString(1, pseudonym.apply((String) row[1]));
                    ps.setString(2, pseudonym.apply((String) row[2]));
                    ps.setString(3, row[3] == null ? null : pseudonym.apply((String) row[3]));
                    ps.setLong(4, (Long) row[0]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return rows.size();
        });
    }

    /** Records {@code at} as a checkpoint unless there is one at its sequence number already. */
    static void checkpoint(Connection c, String siteKey, ChainHead at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sg_iplog_checkpoints WHERE site_key = ? AND seq = ?")) {
            ps.setString(1, siteKey);
            ps.setLong(2, at.seq());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sg_iplog_checkpoints (site_key, seq, entry_hash, created_at) VALUES (?,?,?,?)")) {
            ps.setString(1, siteKey);
            ps.setLong(2, at.seq());
            ps.setString(3, at.hash());
            ps.setObject(4, at.at().atOffset(ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }
}
