package vn.schoolguard.internal.store;

import vn.schoolguard.internal.db.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.schoolguard.internal.ratelimit.Block;
import vn.schoolguard.internal.ratelimit.BlockStorage;

/** One site's block list in table {@code sg_blocks}. */
final class JdbcBlockStorage implements BlockStorage {

    private static final String COLUMNS = "id, cidr, reason, created_by, created_at, expires_at, submission_id, removed_at,"
            + " removed_by, hits, last_hit_at";

    private final Database database;
    private final String siteKey;

    JdbcBlockStorage(Database database, String siteKey) {
        this.database = database;
        this.siteKey = siteKey;
    }

    @Override
    public long insert(NewBlock block) {
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sg_blocks (site_key, cidr, low_hex, high_hex, reason,"
                    + " created_by, created_at, expires_at, submission_id) VALUES (?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, siteKey);
                ps.setString(2, block.cidr());
                ps.setString(3, block.lowHex());
                ps.setString(4, block.highHex());
                ps.setString(5, block.reason());
                ps.setString(6, block.createdBy());
                ps.setObject(7, utc(block.createdAt()));
                ps.setObject(8, block.expiresAt() == null ? null : utc(block.expiresAt()));
                if (block.submissionId() == null) {
                    ps.setNull(9, Types.BIGINT);
                } else {
                    ps.setLong(9, block.submissionId());
                }
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    @Override
    public int markRemoved(long id, String by, Instant at) {
        return database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sg_blocks SET removed_at = ?, removed_by = ?"
                    + " WHERE site_key = ? AND id = ? AND removed_at IS NULL")) {
                ps.setObject(1, utc(at));
                ps.setString(2, by);
                ps.setString(3, siteKey);
                ps.setLong(4, id);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Block> find(long id) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sg_blocks WHERE site_key = ? AND id = ?")) {
                ps.setString(1, siteKey);
                ps.setLong(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(map(rs)) : Optional.<Block>empty();
                }
            }
        });
    }

    @Override
    public List<Block> list(boolean includeLifted, int limit) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sg_blocks WHERE site_key = ?"
                    + (includeLifted ? "" : " AND removed_at IS NULL") + " ORDER BY id DESC LIMIT " + Math.max(1, limit))) {
                ps.setString(1, siteKey);
                return all(ps);
            }
        });
    }

    @Override
    public List<Block> activeAt(Instant now) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sg_blocks WHERE site_key = ?"
                    + " AND removed_at IS NULL AND (expires_at IS NULL OR expires_at > ?)")) {
                ps.setString(1, siteKey);
                ps.setObject(2, utc(now));
                return all(ps);
            }
        });
    }

    @Override
    public void addHits(long id, long hits, Instant lastHit) {
        database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sg_blocks SET hits = hits + ?,"
                    + " last_hit_at = CASE WHEN last_hit_at IS NULL OR last_hit_at < ? THEN ? ELSE last_hit_at END"
                    + " WHERE site_key = ? AND id = ?")) {
                OffsetDateTime at = utc(lastHit.truncatedTo(ChronoUnit.MILLIS));
                ps.setLong(1, hits);
                ps.setObject(2, at);
                ps.setObject(3, at);
                ps.setString(4, siteKey);
                ps.setLong(5, id);
                return ps.executeUpdate();
            }
        });
    }

    private static List<Block> all(PreparedStatement ps) throws SQLException {
        List<Block> blocks = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                blocks.add(map(rs));
            }
        }
        return blocks;
    }

    private static Block map(ResultSet rs) throws SQLException {
        long submission = rs.getLong(7);
        Long submissionId = rs.wasNull() ? null : submission;
        return new Block(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5), instant(rs, 6),
                submissionId, instant(rs, 8), rs.getString(9), rs.getLong(10), instant(rs, 11));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
