package vn.schoolguard.internal.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.spam.SpamMemory;
import vn.schoolguard.internal.spam.SpamScorer;

/**
 * The scorer's memory in the database: repeats counted from stored submissions, and what moderators
 * marked as spam from {@code sg_spam_marks}. Each answer is one indexed query.
 */
public final class JdbcSpamMemory implements SpamMemory {

    static final String IP = "ip";
    static final String EMAIL = "email";
    static final String HOST = "host";
    static final String FINGERPRINT = "fingerprint";

    private final Database database;
    private final String siteKey;
    /** Set at the first signature mark found; marks come and go, but a site that marked a campaign will again. */
    private volatile boolean signaturesSeen;

    public JdbcSpamMemory(Database database, String siteKey) {
        this.database = database;
        this.siteKey = siteKey;
    }

    @Override
    public int countSameFingerprint(String fingerprint, Instant from, Instant to) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sg_submissions WHERE site_key = ?"
                    + " AND fingerprint = ? AND received_at >= ? AND received_at < ?")) {
                ps.setString(1, siteKey);
                ps.setString(2, fingerprint);
                ps.setObject(3, from.atOffset(ZoneOffset.UTC));
                ps.setObject(4, to.atOffset(ZoneOffset.UTC));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    @Override
    public boolean markedSpamIp(String ip) {
        return marked(IP, ip);
    }

    @Override
    public boolean markedSpamEmail(String email) {
        return marked(EMAIL, email.trim().toLowerCase(Locale.ROOT));
    }

    @Override
    public Set<String> markedSpamHosts(Set<String> hosts) {
        if (hosts.isEmpty()) {
            return Set.of();
        }
        List<String> list = new ArrayList<>(hosts);
        String placeholders = String.join(",", Collections.nCopies(list.size(), "?"));
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT mark_value FROM sg_spam_marks WHERE site_key = ?"
                    + " AND kind = ? AND mark_value IN (" + placeholders + ")")) {
                ps.setString(1, siteKey);
                ps.setString(2, HOST);
                for (int i = 0; i < list.size(); i++) {
                    ps.setString(i + 3, list.get(i));
                }
                Set<String> found = new LinkedHashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public boolean markedSpamFingerprint(String fingerprint) {
        return marked(FINGERPRINT, fingerprint);
    }

    @Override
    public Set<String> markedSpamSignatures(Set<String> bands) {
        if (bands.isEmpty()) {
            return Set.of();
        }
        List<String> list = new ArrayList<>(bands);
        String placeholders = String.join(",", Collections.nCopies(list.size(), "?"));
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT m.mark_value FROM sg_spam_marks m WHERE m.site_key = ?"
                    + " AND m.kind = ? AND m.submission_id IN (SELECT b.submission_id FROM sg_spam_marks b WHERE b.site_key = ?"
                    + " AND b.kind = ? AND b.mark_value IN (" + placeholders + "))")) {
                ps.setString(1, siteKey);
                ps.setString(2, SpamScorer.MINHASH_MARK);
                ps.setString(3, siteKey);
                ps.setString(4, SpamScorer.BAND_MARK);
                for (int i = 0; i < list.size(); i++) {
                    ps.setString(i + 5, list.get(i));
                }
                Set<String> found = new LinkedHashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
                return found;
            }
        });
    }

    /** Once a signature mark was seen, without asking; before that, one look at the lookup index per score. */
    @Override
    public boolean holdsSignatures() {
        if (!signaturesSeen && anyMark(SpamScorer.MINHASH_MARK)) {
            signaturesSeen = true;
        }
        return signaturesSeen;
    }

    private boolean anyMark(String kind) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sg_spam_marks WHERE site_key = ? AND kind = ? LIMIT 1")) {
                ps.setString(1, siteKey);
                ps.setString(2, kind);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    private boolean marked(String kind, String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sg_spam_marks WHERE site_key = ? AND kind = ?"
                    + " AND mark_value = ? LIMIT 1")) {
                ps.setString(1, siteKey);
                ps.setString(2, kind);
                ps.setString(3, value);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }
}
