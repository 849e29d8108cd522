package vn.schoolguard.internal.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.db.Json;
import vn.schoolguard.internal.inject.AwaitingPublication;
import vn.schoolguard.internal.moderation.PublishedText;
import vn.schoolguard.internal.moderation.Route;
import vn.schoolguard.internal.moderation.Status;

/** Approved, not yet seen submissions of one site, for the publication watch. */
public final class JdbcPublication implements AwaitingPublication {

    private final Database database;
    private final String siteKey;
    private final Map<String, Route> routes;

    public JdbcPublication(Database database, String siteKey, List<Route> routes) {
        this.database = database;
        this.siteKey = siteKey;
        Map<String, Route> byName = new java.util.HashMap<>();
        routes.forEach(r -> byName.put(r.name(), r));
        this.routes = Map.copyOf(byName);
    }

    @Override
    public List<Awaited> awaiting(Instant sentSince, int limit) {
        return database.read(c -> {
            // Security-critical: only approved rows; a held post's text must never confirm anything.
            try (PreparedStatement ps = c.prepareStatement("SELECT id, route, fields_json FROM sg_submissions"
                    + " WHERE site_key = ? AND status = ? AND seen_at IS NULL AND sent_at >= ? ORDER BY sent_at DESC LIMIT ?")) {
                ps.setString(1, siteKey);
                ps.setString(2, Status.APPROVED.key());
                ps.setObject(3, Jdbc.time(sentSince));
                ps.setInt(4, limit);
                List<Awaited> awaited = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String text = PublishedText.visible(routes.get(rs.getString(2)), Json.readListMap(rs.getString(3)));
                        if (!text.isBlank()) {
                            awaited.add(new Awaited(rs.getLong(1), text));
                        }
                    }
                }
                return awaited;
            }
        });
    }

    @Override
    public boolean markSeen(long id, String path, Instant at) {
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sg_submissions SET seen_path = ?, seen_at = ?"
                    + " WHERE site_key = ? AND id = ? AND status = ? AND seen_at IS NULL")) {
                ps.setString(1, Jdbc.truncate(path, 2000));
                ps.setObject(2, Jdbc.time(at));
                ps.setString(3, siteKey);
                ps.setLong(4, id);
                ps.setString(5, Status.APPROVED.key());
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            DecisionLog.append(c, siteKey, id, "seen", "system", at, Status.APPROVED, Status.APPROVED,
                    null, "seen on " + Jdbc.truncate(path, 2000));
            return true;
        });
    }
}
