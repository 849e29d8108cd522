package vn.schoolguard.internal.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;

import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.inject.ApprovedContent;

/**
 * Approved submissions, for the implant watch: a page text that a moderator approved (say, a parent's
 * comment on an anti-gambling notice) is not a planted implant. Matching is by a run of the text, so
 * markup inside the stored field does not get in the way of short texts; the watch only asks for texts
 * that already carry a gambling phrase, a few times a minute.
 */
public final class JdbcApprovedContent implements ApprovedContent {

    private static final int PROBE = 80;

    private final Database database;
    private final String siteKey;

    public JdbcApprovedContent(Database database, String siteKey) {
        this.database = database;
        this.siteKey = siteKey;
    }

    @Override
    public boolean covers(String text) {
        String probe = text.replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
        if (probe.length() < 8) {
            return false;
        }
        String run = probe.length() > PROBE ? probe.substring(0, PROBE) : probe;
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sg_submissions WHERE site_key = ? AND status = 'approved'"
                    + " AND search_text LIKE ? ESCAPE '\\' LIMIT 1")) {
                ps.setString(1, siteKey);
                ps.setString(2, Like.containing(run));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }
}
