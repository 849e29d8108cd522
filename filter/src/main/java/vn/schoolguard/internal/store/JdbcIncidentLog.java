package vn.schoolguard.internal.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.incident.Incident;
import vn.schoolguard.internal.incident.IncidentKind;
import vn.schoolguard.internal.incident.IncidentLog;

/** Incidents in {@code sg_incidents}, one row each, every query scoped to one site. */
public final class JdbcIncidentLog implements IncidentLog {

    private static final String COLUMNS = "id, site_key, kind, found_at, page, detail";

    private final Database database;

    public JdbcIncidentLog(Database database) {
        this.database = database;
    }

    @Override
    public Incident record(Incident incident) {
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sg_incidents (site_key, kind, found_at, page, detail)"
                    + " VALUES (?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, incident.siteKey());
                ps.setString(2, incident.kind().key());
                ps.setObject(3, Jdbc.time(incident.at()));
                ps.setString(4, incident.page());
                ps.setString(5, incident.detail());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return new Incident(keys.getLong(1), incident.siteKey(), incident.kind(), incident.at(),
                            incident.page(), incident.detail());
                }
            }
        });
    }

    @Override
    public List<Incident> recent(String siteKey, int limit) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sg_incidents WHERE site_key = ?"
                    + " ORDER BY found_at DESC, id DESC LIMIT ?")) {
                ps.setString(1, siteKey);
                ps.setInt(2, limit);
                return rows(ps);
            }
        });
    }

    @Override
    public Map<IncidentKind, Long> counts(String siteKey, Instant from, Instant to) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT kind, COUNT(*) FROM sg_incidents"
                    + " WHERE site_key = ? AND found_at >= ? AND found_at < ? GROUP BY kind")) {
                ps.setString(1, siteKey);
                ps.setObject(2, Jdbc.time(from));
                ps.setObject(3, Jdbc.time(to));
                Map<IncidentKind, Long> counts = new EnumMap<>(IncidentKind.class);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        // A kind a later version wrote is not counted as one this version knows.
                        String key = rs.getString(1);
                        long count = rs.getLong(2);
                        IncidentKind.byKey(key).ifPresent(kind -> counts.put(kind, count));
                    }
                }
                return counts;
            }
        });
    }

    @Override
    public List<Incident> between(String siteKey, Instant from, Instant to, int limit) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sg_incidents WHERE site_key = ?"
                    + " AND found_at >= ? AND found_at < ? ORDER BY found_at, id LIMIT ?")) {
                ps.setString(1, siteKey);
                ps.setObject(2, Jdbc.time(from));
                ps.setObject(3, Jdbc.time(to));
                ps.setInt(4, limit);
                return rows(ps);
            }
        });
    }

    private static List<Incident> rows(PreparedStatement ps) throws SQLException {
        List<Incident> incidents = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String kind = rs.getString(3);
                long id = rs.getLong(1);
                String site = rs.getString(2);
                Instant at = Jdbc.instant(rs, 4);
                String page = rs.getString(5);
                String detail = rs.getString(6);
                IncidentKind.byKey(kind).ifPresent(k -> incidents.add(new Incident(id, site, k, at, page, detail)));
            }
        }
        return incidents;
    }
}
