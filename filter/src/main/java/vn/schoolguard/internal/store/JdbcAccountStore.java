package vn.schoolguard.internal.store;

import vn.schoolguard.internal.db.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import vn.schoolguard.internal.account.Account;
import vn.schoolguard.internal.account.AccountStore;

/** Built-in console accounts in table {@code sg_accounts}. */
public final class JdbcAccountStore implements AccountStore {

    private static final String COLUMNS = "username, password_hash, roles, disabled, failed_logins, locked_until";

    private final Database database;
    private final String siteKey;

    public JdbcAccountStore(Database database, String siteKey) {
        this.database = database;
        this.siteKey = siteKey;
    }

    @Override
    public Optional<Account> find(String username) {
        return database.read(c -> Jdbc.first(c, "SELECT " + COLUMNS + " FROM sg_accounts WHERE site_key = ? AND username = ?",
                List.of(siteKey, username), JdbcAccountStore::map));
    }

    @Override
    public List<Account> list() {
        return database.read(c -> Jdbc.rows(c, "SELECT " + COLUMNS + " FROM sg_accounts WHERE site_key = ? ORDER BY username",
                List.of(siteKey), JdbcAccountStore::map));
    }

    /** Creates an account, or replaces its password and roles when it exists (and enables it). */
    @Override
    public void upsert(String username, String passwordHash, Set<String> roles, Instant now) {
        database.upsert(c -> {
            int updated;
            try (PreparedStatement ps = c.prepareStatement("UPDATE sg_accounts SET password_hash = ?, roles = ?, disabled = FALSE,"
                    + " failed_logins = 0, locked_until = NULL, updated_at = ? WHERE site_key = ? AND username = ?")) {
                ps.setString(1, passwordHash);
                ps.setString(2, String.join(" ", roles));
                ps.setObject(3, time(now));
                ps.setString(4, siteKey);
                ps.setString(5, username);
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO sg_accounts (site_key, username, password_hash, roles,"
                        + " disabled, failed_logins, created_at, updated_at) VALUES (?,?,?,?,FALSE,0,?,?)")) {
                    ps.setString(1, siteKey);
                    ps.setString(2, username);
                    ps.setString(3, passwordHash);
                    ps.setString(4, String.join(" ", roles));
                    ps.setObject(5, time(now));
                    ps.setObject(6, time(now));
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public boolean setPassword(String username, String passwordHash, Instant now) {
        return update("UPDATE sg_accounts SET password_hash = ?, failed_logins = 0, locked_until = NULL, updated_at = ?"
                + " WHERE site_key = ? AND username = ?", passwordHash, time(now), siteKey, username);
    }

    @Override
    public boolean setRoles(String username, Set<String> roles, Instant now) {
        return update("UPDATE sg_accounts SET roles = ?, updated_at = ? WHERE site_key = ? AND username = ?",
                String.join(" ", roles), time(now), siteKey, username);
    }

    @Override
    public boolean setDisabled(String username, boolean disabled, Instant now) {
        return update("UPDATE sg_accounts SET disabled = ?, updated_at = ? WHERE site_key = ? AND username = ?",
                disabled, time(now), siteKey, username);
    }

    /** Clears the failure count and lock kept by earlier versions (throttling now lives in memory). */
    @Override
    public void recordSuccess(String username) {
        update("UPDATE sg_accounts SET failed_logins = 0, locked_until = NULL WHERE site_key = ? AND username = ?"
                + " AND (failed_logins <> 0 OR locked_until IS NOT NULL)", siteKey, username);
    }

    private boolean update(String sql, Object... args) {
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                return ps.executeUpdate() > 0;
            }
        });
    }

    private static Account map(ResultSet rs) throws SQLException {
        OffsetDateTime locked = rs.getObject(6, OffsetDateTime.class);
        Set<String> roles = new LinkedHashSet<>(Arrays.asList(rs.getString(3).trim().split("\\s+")));
        roles.remove("");
        return new Account(rs.getString(1), rs.getString(2), roles, rs.getBoolean(4), rs.getInt(5),
                locked == null ? null : locked.toInstant());
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
