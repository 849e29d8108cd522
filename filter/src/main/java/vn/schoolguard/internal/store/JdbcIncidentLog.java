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
import java.util.Objects;
import java.util.Optional;

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
        return database.read(c -> known(Jdbc.rows(c, "SELECT " + COLUMNS + " FROM sg_incidents WHERE site_key = ?"
                + " ORDER BY found_at DESC, id DESC LIMIT ?", List.of(siteKey, limit), JdbcIncidentLog::row)));
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
        return database.read(c -> known(Jdbc.rows(c, "SELECT " + COLUMNS + " FROM sg_incidents WHERE site_key = ?"
                + " AND found_at >= ? AND found_at < ? ORDER BY found_at, id LIMIT ?",
                List.of(siteKey, Jdbc.time(from), Jdbc.time(to), limit), JdbcIncidentLog::row)));
    }

    /** A row of a kind a later version wrote is null here: this version does not know what it means. */
    private static Incident row(ResultSet rs) throws SQLException {
        Optional<IncidentKind> kind = IncidentKind.byKey(rs.getString(3));
        return kind.isEmpty() ? null : new Incident(rs.getLong(1), rs.getString(2), kind.get(), Jdbc.instant(rs, 4),
                rs.getString(5), rs.getString(6));
    }

    private static List<Incident> known(List<Incident> rows) {
        return rows.stream().filter(Objects::nonNull).toList();
    }
}
