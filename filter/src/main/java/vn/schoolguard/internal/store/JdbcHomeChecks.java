package vn.schoolguard.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.incident.HomeCheck;
import vn.schoolguard.internal.incident.HomeChecks;

/** The latest home-page check of each site in {@code sg_home_checks}, one row per site. */
public final class JdbcHomeChecks implements HomeChecks {

    private static final String COLUMNS = "site_key, checked_at, url, status, tracker, label, portal, detail";

    private final Database database;

    public JdbcHomeChecks(Database database) {
        this.database = database;
    }

    @Override
    public void save(HomeCheck check) {
        database.upsert(c -> {
            // Update first, insert when there was none: portable across H2 and PostgreSQL without MERGE dialects.
            if (write(c, "UPDATE sg_home_checks SET checked_at = ?, url = ?, status = ?, tracker = ?, label = ?,"
                    + " portal = ?, detail = ? WHERE site_key = ?", check) == 0) {
                write(c, "INSERT INTO sg_home_checks (checked_at, url, status, tracker, label, portal, detail, site_key)"
                        + " VALUES (?,?,?,?,?,?,?,?)", check);
            }
            return null;
        });
    }

    private static int write(Connection c, String sql, HomeCheck check) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, Jdbc.time(check.checkedAt()));
            ps.setString(2, check.url());
            ps.setInt(3, check.status());
            ps.setBoolean(4, check.tracker());
            ps.setBoolean(5, check.label());
            ps.setBoolean(6, check.portal());
            ps.setString(7, check.detail());
            ps.setString(8, check.siteKey());
            return ps.executeUpdate();
        }
    }

    @Override
    public Optional<HomeCheck> latest(String siteKey) {
        return database.read(c -> Jdbc.first(c, "SELECT " + COLUMNS + " FROM sg_home_checks WHERE site_key = ?",
                List.of(siteKey), JdbcHomeChecks::row));
    }

    @Override
    public Map<String, HomeCheck> all() {
        Map<String, HomeCheck> checks = new TreeMap<>();
        database.read(c -> Jdbc.rows(c, "SELECT " + COLUMNS + " FROM sg_home_checks", List.of(), JdbcHomeChecks::row))
                .forEach(check -> checks.put(check.siteKey(), check));
        return checks;
    }

    private static HomeCheck row(ResultSet rs) throws SQLException {
        return new HomeCheck(rs.getString(1), Jdbc.instant(rs, 2), rs.getString(3), rs.getInt(4), rs.getBoolean(5),
                rs.getBoolean(6), rs.getBoolean(7), rs.getString(8));
    }
}
