package vn.schoolguard.internal.store;

import vn.schoolguard.internal.db.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import vn.schoolguard.internal.iplog.IpLogStorage.AuditEntry;
import vn.schoolguard.internal.db.Page;

/** The IP log's audit trail in {@code sg_iplog_audit}. */
final class JdbcIpLogAudit {

    private final Database database;

    JdbcIpLogAudit(Database database) {
        this.database = database;
    }

    void insert(String siteKey, AuditEntry entry) {
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sg_iplog_audit (site_key, actor, acted_at, action, filter,"
                    + " row_count, client_ip) VALUES (?,?,?,?,?,?,?)")) {
                ps.setString(1, siteKey);
                ps.setString(2, entry.actor());
                ps.setObject(3, entry.at().atOffset(ZoneOffset.UTC));
                ps.setString(4, entry.action());
                ps.setString(5, entry.filterJson());
                ps.setLong(6, entry.rows());
                ps.setString(7, entry.clientIp());
                return ps.executeUpdate();
            }
        });
    }

    Page<AuditEntry> trail(String siteKey, int limit, int offset) {
        return database.read(c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sg_iplog_audit WHERE site_key = ?")) {
                ps.setString(1, siteKey);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<AuditEntry> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT actor, acted_at, action, filter, row_count, client_ip FROM sg_iplog_audit"
                    + " WHERE site_key = ? ORDER BY id DESC LIMIT ? OFFSET ?")) {
                ps.setString(1, siteKey);
                ps.setInt(2, limit);
                ps.setInt(3, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(new AuditEntry(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                                rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6)));
                    }
                }
            }
            return new Page<>(items, total);
        });
    }
}
