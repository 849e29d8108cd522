package vn.schoolguard.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;

import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.db.Json;
import vn.schoolguard.internal.discovery.DiscoveredForm;
import vn.schoolguard.internal.discovery.DiscoveredForms;

/** One site's discovered forms in {@code sg_discovered_forms}. */
public final class JdbcDiscoveredForms implements DiscoveredForms {

    private static final TypeReference<List<String>> NAMES = new TypeReference<>() { };

    private final Database database;
    private final String siteKey;

    public JdbcDiscoveredForms(Database database, String siteKey) {
        this.database = database;
        this.siteKey = siteKey;
    }

    @Override
    public List<DiscoveredForm> load(int max) {
        return database.read(c -> Jdbc.rows(c, "SELECT method, pattern, fields_json, text_json, hits, first_seen, last_seen,"
                + " last_status FROM sg_discovered_forms WHERE site_key = ? ORDER BY last_seen DESC LIMIT ?",
                List.of(siteKey, max), rs -> new DiscoveredForm(rs.getString(1), rs.getString(2), Json.read(rs.getString(3), NAMES),
                        Json.read(rs.getString(4), NAMES), rs.getLong(5), Jdbc.instant(rs, 6), Jdbc.instant(rs, 7), rs.getInt(8))));
    }

    @Override
    public void save(Collection<DiscoveredForm> forms, int max) {
        database.upsert(c -> {
            for (DiscoveredForm form : forms) {
                if (update(c, form) == 0) {
                    insert(c, form);
                }
            }
            trim(c, max);
            return null;
        });
    }

    @Override
    public boolean remove(String method, String pattern) {
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM sg_discovered_forms WHERE site_key = ? AND method = ? AND pattern = ?")) {
                ps.setString(1, siteKey);
                ps.setString(2, method);
                ps.setString(3, pattern);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private int update(Connection c, DiscoveredForm form) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sg_discovered_forms SET fields_json = ?, text_json = ?,"
                + " hits = ?, first_seen = ?, last_seen = ?, last_status = ? WHERE site_key = ? AND method = ? AND pattern = ?")) {
            int i = 0;
            ps.setString(++i, Json.write(form.fields()));
            ps.setString(++i, Json.write(form.textFields()));
            ps.setLong(++i, form.hits());
            ps.setObject(++i, Jdbc.time(form.firstSeen()));
            ps.setObject(++i, Jdbc.time(form.lastSeen()));
            ps.setInt(++i, form.lastStatus());
            ps.setString(++i, siteKey);
            ps.setString(++i, form.method());
            ps.setString(++i, form.pattern());
            return ps.executeUpdate();
        }
    }

    private void insert(Connection c, DiscoveredForm form) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sg_discovered_forms (site_key, method, pattern,"
                + " fields_json, text_json, hits, first_seen, last_seen, last_status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int i = 0;
            ps.setString(++i, siteKey);
            ps.setString(++i, form.method());
            ps.setString(++i, form.pattern());
            ps.setString(++i, Json.write(form.fields()));
            ps.setString(++i, Json.write(form.textFields()));
            ps.setLong(++i, form.hits());
            ps.setObject(++i, Jdbc.time(form.firstSeen()));
            ps.setObject(++i, Jdbc.time(form.lastSeen()));
            ps.setInt(++i, form.lastStatus());
            ps.executeUpdate();
        }
    }

    /** Keeps the newest {@code max} rows of the site (several nodes each keep their own newest). */
    private void trim(Connection c, int max) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM sg_discovered_forms WHERE site_key = ? AND last_seen <"
                + " (SELECT MIN(last_seen) FROM (SELECT last_seen FROM sg_discovered_forms WHERE site_key = ?"
                + " ORDER BY last_seen DESC LIMIT ?) newest)")) {
            ps.setString(1, siteKey);
            ps.setString(2, siteKey);
            ps.setInt(3, max);
            ps.executeUpdate();
        }
    }
}
