package vn.schoolguard.internal.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import vn.schoolguard.internal.db.Database;

/** Writes submission and decision rows as the store writes them, for the report figures' tests. */
final class ReportRows {

    private static final AtomicLong RECEIPTS = new AtomicLong();

    private final Database db;

    ReportRows(Database db) {
        this.db = db;
    }

    /** A submission received at {@code at}, with its status and verdict, and the text it carried. */
    long submission(String site, Instant at, String status, String verdict, String fingerprint, String text) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sg_submissions (site_key, receipt, route, method,"
                    + " path, headers_json, fields_json, raw_fields_json, removed_json, search_text, client_ip, peer_ip,"
                    + " received_at, status, verdict, score, reasons_json, fingerprint) VALUES (?,?,'comments','POST',"
                    + "'/news/1/comments','{}','{}','{}','{}',?,'203.0.113.7','203.0.113.7',?,?,?,0.5,'[]',?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, site);
                ps.setString(2, "R" + RECEIPTS.incrementAndGet());
                ps.setString(3, text);
                ps.setObject(4, Jdbc.time(at));
                ps.setString(5, status);
                ps.setString(6, verdict);
                ps.setString(7, fingerprint);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** A moderator's decision on {@code id} at {@code at}, moving it from {@code from} to {@code to}. */
    void decision(String site, long id, String action, Instant at, String from, String to) {
        db.inTransaction(c -> {
            DecisionLog.append(c, site, id, action, "moderator", at,
                    vn.schoolguard.internal.moderation.Status.parse(from).orElseThrow(),
                    vn.schoolguard.internal.moderation.Status.parse(to).orElseThrow(), null, null);
            return null;
        });
    }
}
