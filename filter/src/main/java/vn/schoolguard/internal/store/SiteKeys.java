package vn.schoolguard.internal.store;

import vn.schoolguard.internal.db.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.SortedSet;
import java.util.TreeSet;


/**
 * Which site keys a database holds. The filter stores every row under its {@code site.key}, and at start it
 * creates its IP-log head, so even a site that has had no post yet is found.
 */
public final class SiteKeys {

    private SiteKeys() {
    }

    /** Every site key with accounts, submissions or an IP log. */
    public static SortedSet<String> all(Database db) {
        return keys(db, "SELECT site_key FROM sg_iplog_head UNION SELECT site_key FROM sg_accounts"
                + " UNION SELECT site_key FROM sg_submissions UNION SELECT site_key FROM sg_iplog");
    }

    /** Site keys with IP-log entries, checkpoints, or a head that counts entries (then deleted ones fail verify). */
    public static SortedSet<String> withIpLog(Database db) {
        return keys(db, "SELECT site_key FROM sg_iplog UNION SELECT site_key FROM sg_iplog_checkpoints"
                + " UNION SELECT site_key FROM sg_iplog_head WHERE last_seq > 0");
    }

    private static SortedSet<String> keys(Database db, String sql) {
        return db.read(c -> {
            SortedSet<String> keys = new TreeSet<>();
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
            return keys;
        });
    }
}
