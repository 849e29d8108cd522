package vn.schoolguard.internal.store;

import vn.schoolguard.internal.hash.Sha256;

import vn.schoolguard.internal.db.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import vn.schoolguard.internal.account.PasswordHasher;
import vn.schoolguard.internal.account.SessionStore;

/** Console sessions in table {@code sg_sessions}; only the SHA-256 of a session token is stored. */
public final class JdbcSessionStore implements SessionStore {

    private final Database database;
    private final String siteKey;
    private final Duration idle;
    private final Duration maxAge;

    public JdbcSessionStore(Database database, String siteKey, Duration idle, Duration maxAge) {
        this.database = database;
        this.siteKey = siteKey;
        this.idle = idle;
        this.maxAge = maxAge;
    }

    /** Starts a session and returns its token (for the cookie). */
    @Override
    public String create(String username, String clientIp, Instant now) {
        String token = PasswordHasher.randomToken();
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sg_sessions (token_hash, site_key, username, csrf_token,"
                    + " client_ip, created_at, last_seen_at, expires_at) VALUES (?,?,?,?,?,?,?,?)")) {
                ps.setString(1, Sha256.hex(token));
                ps.setString(2, siteKey);
                ps.setString(3, username);
                ps.setString(4, PasswordHasher.randomToken());
                ps.setString(5, clientIp);
                ps.setObject(6, time(now));
                ps.setObject(7, time(now));
                ps.setObject(8, time(now.plus(maxAge)));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sg_sessions WHERE expires_at < ?")) {
                ps.setObject(1, time(now));
                ps.executeUpdate();
            }
            return null;
        });
        return token;
    }

    /** The session of a token if it is still live; refreshes its idle timer. */
    @Override
    public Optional<Session> find(String token, Instant now) {
        String hash = Sha256.hex(token);
        return database.inTransaction(c -> {
            Session session;
            Instant lastSeen;
            try (PreparedStatement ps = c.prepareStatement("SELECT username, csrf_token, created_at, last_seen_at, expires_at"
                    + " FROM sg_sessions WHERE token_hash = ? AND site_key = ?")) {
                ps.setString(1, hash);
                ps.setString(2, siteKey);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Session>empty();
                    }
                    Instant expires = rs.getObject(5, OffsetDateTime.class).toInstant();
                    lastSeen = rs.getObject(4, OffsetDateTime.class).toInstant();
                    if (now.isAfter(expires) || now.isAfter(lastSeen.plus(idle))) {
                        return Optional.<Session>empty();
                    }
                    session = new Session(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant());
                }
            }
            // Writing last_seen_at on every click is wasted work; a minute's precision is plenty for an idle timeout.
            if (Duration.between(lastSeen, now).toSeconds() >= 60) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE sg_sessions SET last_seen_at = ? WHERE token_hash = ?")) {
                    ps.setObject(1, time(now));
                    ps.setString(2, hash);
                    ps.executeUpdate();
                }
            }
            return Optional.of(session);
        });
    }

    @Override
    public void delete(String token) {
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sg_sessions WHERE token_hash = ?")) {
                ps.setString(1, Sha256.hex(token));
                return ps.executeUpdate();
            }
        });
    }

    /** Ends every session of an account (after a password change or when it is disabled). */
    @Override
    public void deleteAll(String username) {
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sg_sessions WHERE site_key = ? AND username = ?")) {
                ps.setString(1, siteKey);
                ps.setString(2, username);
                return ps.executeUpdate();
            }
        });
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
