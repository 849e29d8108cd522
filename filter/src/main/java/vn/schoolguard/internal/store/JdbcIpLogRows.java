package vn.schoolguard.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import vn.schoolguard.internal.iplog.IpLogRecord;
import vn.schoolguard.internal.iplog.IpLogWhere;
import vn.schoolguard.internal.iplog.Outcome;
import vn.schoolguard.internal.net.IpLiteral;

/** The {@code sg_iplog} row: its columns, how a record is inserted and read back, and how a search condition is bound. */
final class JdbcIpLogRows {

    /** The columns {@link #read} expects, in its order. */
    static final String COLUMNS = "seq, logged_at, client_ip, client_port, peer_ip, peer_port, forwarded_chain,"
            + " forwarded_flag, user_agent, poster_user, route, method, path, submission_id, receipt, outcome, detail,"
            + " content_sha256, personal_salt, personal_hash, pseudonymised, prev_hash, entry_hash";

    private static final String INSERT = "INSERT INTO sg_iplog (site_key, seq, logged_at, client_ip, client_ip_hex,"
            + " client_port, peer_ip, peer_port, forwarded_chain, forwarded_flag, user_agent, poster_user, route, method, path,"
            + " submission_id, receipt, outcome, detail, content_sha256, personal_salt, personal_hash, pseudonymised, prev_hash,"
            + " entry_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    private JdbcIpLogRows() {
    }

    static void insert(Connection c, String siteKey, IpLogRecord record) throws SQLException {
        IpLogRecord.Origin o = record.origin();
        IpLogRecord.Attempt a = record.attempt();
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            int i = 0;
            ps.setString(++i, siteKey);
            ps.setLong(++i, record.seq());
            ps.setObject(++i, record.loggedAt().atOffset(ZoneOffset.UTC));
            ps.setString(++i, o.clientIp());
            ps.setString(++i, IpLiteral.hex(o.clientIp()).orElse(null));
            ps.setInt(++i, o.clientPort());
            ps.setString(++i, o.peerIp());
            ps.setInt(++i, o.peerPort());
            ps.setString(++i, o.forwardedChain());
            ps.setBoolean(++i, o.forwardedFlag());
            ps.setString(++i, o.userAgent());
            ps.setString(++i, o.posterUser());
            ps.setString(++i, a.route());
            ps.setString(++i, a.method());
            ps.setString(++i, a.path());
            if (a.submissionId() == null) {
                ps.setNull(++i, Types.BIGINT);
            } else {
                ps.setLong(++i, a.submissionId());
            }
            ps.setString(++i, a.receipt());
            ps.setString(++i, a.outcome().key());
            ps.setString(++i, a.detail());
            ps.setString(++i, a.contentSha256());
            ps.setString(++i, record.personalSalt());
            ps.setString(++i, record.personalHash());
            ps.setBoolean(++i, false);
            ps.setString(++i, record.prevHash());
            ps.setString(++i, record.entryHash());
            ps.executeUpdate();
        }
    }

    /** Reads the current row, selected with {@link #COLUMNS}. */
    static IpLogRecord read(ResultSet rs) throws SQLException {
        IpLogRecord.Origin origin = new IpLogRecord.Origin(rs.getString(3), rs.getInt(4), rs.getString(5), rs.getInt(6),
                rs.getString(7), rs.getBoolean(8), rs.getString(9), rs.getString(10));
        long submission = rs.getLong(14);
        Long submissionId = rs.wasNull() ? null : submission;
        IpLogRecord.Attempt attempt = new IpLogRecord.Attempt(rs.getString(11), rs.getString(12), rs.getString(13),
                submissionId, rs.getString(15), Outcome.parse(rs.getString(16)).orElseThrow(), rs.getString(17),
                rs.getString(18));
        IpLogRecord.Seal seal = new IpLogRecord.Seal(rs.getString(19), rs.getString(20), rs.getBoolean(21),
                rs.getString(22), rs.getString(23));
        return new IpLogRecord(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), origin, attempt, seal);
    }

    /** Binds a condition's arguments from the first parameter on; returns how many were bound. */
    static int bind(PreparedStatement ps, IpLogWhere.Condition where) throws SQLException {
        for (int i = 0; i < where.args().size(); i++) {
            ps.setObject(i + 1, where.args().get(i));
        }
        return where.args().size();
    }
}
