package vn.schoolguard.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;

import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.incident.Incident;
import vn.schoolguard.internal.incident.IncidentKind;
import vn.schoolguard.internal.report.Campaign;
import vn.schoolguard.internal.report.ReportQueries;
import vn.schoolguard.internal.report.SiteActivity;
import vn.schoolguard.internal.report.SiteFigures;

/**
 * The reports' figures from {@code sg_submissions}, {@code sg_decisions} and {@code sg_incidents}: each figure is one
 * {@code GROUP BY site_key} query over every site (or the one asked for), never a query per site.
 */
public final class JdbcReportQueries implements ReportQueries {

    private static final String DECIDED = "to_status IN ('approved', 'rejected', 'spam')";

    private final Database database;

    public JdbcReportQueries(Database database) {
        this.database = database;
    }

    /** Every site key with accounts, submissions or an IP log, and those with only incidents or a home-page check. */
    @Override
    public SortedSet<String> siteKeys() {
        SortedSet<String> keys = SiteKeys.all(database);
        database.read(c -> {
            query(c, "SELECT site_key FROM sg_incidents UNION SELECT site_key FROM sg_home_checks", Optional.empty(),
                    null, null, rs -> keys.add(rs.getString(1)));
            return null;
        });
        return keys;
    }

    @Override
    public Map<String, SiteFigures> figures(Optional<String> site, Instant from, Instant to) {
        return database.read(c -> {
            Map<String, long[]> counts = new TreeMap<>();
            query(c, "SELECT site_key, COUNT(*), SUM(CASE WHEN verdict = 'spam' THEN 1 ELSE 0 END) FROM sg_submissions"
                    + " WHERE received_at >= ? AND received_at < ?" + scope(site) + " GROUP BY site_key", site, from, to, rs -> {
                        long[] row = counts.computeIfAbsent(rs.getString(1), k -> new long[5]);
                        row[0] = rs.getLong(2);
                        row[3] = rs.getLong(3);
                    });
            query(c, "SELECT site_key, to_status, COUNT(DISTINCT submission_id) FROM sg_decisions WHERE acted_at >= ?"
                    + " AND acted_at < ? AND " + DECIDED + scope(site) + " GROUP BY site_key, to_status", site, from, to, rs -> {
                        long[] row = counts.computeIfAbsent(rs.getString(1), k -> new long[5]);
                        switch (rs.getString(2)) {
                            case "approved" -> row[1] = rs.getLong(3);
                            case "rejected" -> row[2] = rs.getLong(3);
                            default -> row[4] = rs.getLong(3);
                        }
                    });
            Map<String, SiteFigures> figures = new TreeMap<>();
            counts.forEach((key, n) -> figures.put(key, new SiteFigures(key, n[0], n[1], n[2], n[3], n[4])));
            return figures;
        });
    }

    @Override
    public Map<String, Map<IncidentKind, Long>> incidentCounts(Optional<String> site, Instant from, Instant to) {
        return database.read(c -> {
            Map<String, Map<IncidentKind, Long>> counts = new TreeMap<>();
            query(c, "SELECT site_key, kind, COUNT(*) FROM sg_incidents WHERE found_at >= ? AND found_at < ?" + scope(site)
                    + " GROUP BY site_key, kind", site, from, to, rs -> {
                        String key = rs.getString(1);
                        long count = rs.getLong(3);
                        // A kind a later version wrote is not counted as one this version knows.
                        IncidentKind.byKey(rs.getString(2)).ifPresent(kind -> counts
                                .computeIfAbsent(key, k -> new EnumMap<>(IncidentKind.class)).put(kind, count));
                    });
            return counts;
        });
    }

    @Override
    public Map<String, List<Incident>> incidents(Optional<String> site, Instant from, Instant to, int perSite) {
        return database.read(c -> {
            Map<String, List<Incident>> incidents = new TreeMap<>();
            query(c, "SELECT id, site_key, kind, found_at, page, detail FROM (SELECT id, site_key, kind, found_at, page,"
                    + " detail, ROW_NUMBER() OVER (PARTITION BY site_key ORDER BY found_at, id) AS n FROM sg_incidents"
                    + " WHERE found_at >= ? AND found_at < ?" + scope(site) + ") t WHERE n <= " + perSite
                    + " ORDER BY site_key, found_at, id", site, from, to, rs -> {
                        long id = rs.getLong(1);
                        String key = rs.getString(2);
                        Instant at = Jdbc.instant(rs, 4);
                        String page = rs.getString(5);
                        String detail = rs.getString(6);
                        IncidentKind.byKey(rs.getString(3)).ifPresent(kind -> incidents.computeIfAbsent(key,
                                k -> new ArrayList<>()).add(new Incident(id, key, kind, at, page, detail)));
                    });
            return incidents;
        });
    }

    @Override
    public Map<String, List<Campaign>> campaigns(Optional<String> site, Instant from, Instant to, int perSite) {
        return database.read(c -> {
            Map<String, List<Campaign>> campaigns = new TreeMap<>();
            // The first submission's text is read in the same query, from the row whose id the group names.
            query(c, "SELECT g.site_key, g.fingerprint, g.n, g.first_at, g.last_at, SUBSTRING(s.search_text, 1, 400)"
                    + " FROM (SELECT site_key, fingerprint, COUNT(*) AS n, MIN(received_at) AS first_at,"
                    + " MAX(received_at) AS last_at, MIN(id) AS first_id, ROW_NUMBER() OVER (PARTITION BY site_key"
                    + " ORDER BY COUNT(*) DESC, MIN(id)) AS r FROM sg_submissions WHERE status = 'spam'"
                    + " AND fingerprint IS NOT NULL AND received_at >= ? AND received_at < ?" + scope(site)
                    + " GROUP BY site_key, fingerprint HAVING COUNT(*) >= 2) g JOIN sg_submissions s ON s.id = g.first_id"
                    + " WHERE g.r <= " + perSite + " ORDER BY g.site_key, g.r", site, from, to, rs -> {
                        String key = rs.getString(1);
                        campaigns.computeIfAbsent(key, k -> new ArrayList<>()).add(new Campaign(key, rs.getString(2),
                                rs.getLong(3), Jdbc.instant(rs, 4), Jdbc.instant(rs, 5), rs.getString(6)));
                    });
            return campaigns;
        });
    }

    @Override
    public Map<String, SiteActivity> activity(Optional<String> site, Instant since) {
        return database.read(c -> {
            Map<String, long[]> counts = new HashMap<>();
            Map<String, Instant> oldest = new HashMap<>();
            query(c, "SELECT site_key, COUNT(*), MIN(received_at) FROM sg_submissions WHERE status = 'pending'"
                    + scope(site) + " GROUP BY site_key", site, null, null, rs -> {
                        counts.computeIfAbsent(rs.getString(1), k -> new long[4])[0] = rs.getLong(2);
                        oldest.put(rs.getString(1), Jdbc.instant(rs, 3));
                    });
            query(c, "SELECT site_key, to_status, COUNT(DISTINCT submission_id) FROM sg_decisions WHERE acted_at >= ?"
                    + " AND " + DECIDED + scope(site) + " GROUP BY site_key, to_status", site, since, null, rs -> {
                        long[] row = counts.computeIfAbsent(rs.getString(1), k -> new long[4]);
                        row[1] += rs.getLong(3);
                        row[2] += "spam".equals(rs.getString(2)) ? rs.getLong(3) : 0;
                    });
            query(c, "SELECT site_key, COUNT(*) FROM sg_submissions WHERE received_at >= ? AND verdict = 'spam'"
                    + scope(site) + " GROUP BY site_key", site, since, null,
                    rs -> counts.computeIfAbsent(rs.getString(1), k -> new long[4])[2] += rs.getLong(2));
            query(c, "SELECT site_key, COUNT(*) FROM sg_incidents WHERE found_at >= ? AND kind = 'implant'"
                    + scope(site) + " GROUP BY site_key", site, since, null,
                    rs -> counts.computeIfAbsent(rs.getString(1), k -> new long[4])[3] = rs.getLong(2));
            Map<String, SiteActivity> activity = new TreeMap<>();
            counts.forEach((key, n) -> activity.put(key, new SiteActivity(key, n[0], Optional.ofNullable(oldest.get(key)),
                    n[1], n[2], n[3])));
            return activity;
        });
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static String scope(Optional<String> site) {
        return site.isPresent() ? " AND site_key = ?" : "";
    }

    /** Runs {@code sql} with its times ({@code from}, then {@code to} when given) and then the site's key. */
    private static void query(Connection c, String sql, Optional<String> site, Instant from, Instant to, RowReader rows)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 0;
            if (from != null) {
                ps.setObject(++i, Jdbc.time(from));
            }
            if (to != null) {
                ps.setObject(++i, Jdbc.time(to));
            }
            if (site.isPresent()) {
                ps.setString(++i, site.get());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.read(rs);
                }
            }
        }
    }
}
