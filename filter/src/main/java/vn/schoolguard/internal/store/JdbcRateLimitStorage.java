package vn.schoolguard.internal.store;

import vn.schoolguard.internal.db.Database;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import vn.schoolguard.internal.ratelimit.BlockStorage;
import vn.schoolguard.internal.ratelimit.RateLimitStorage;

/** The rate limiter's storage in SchoolGuard's database: table {@code sg_blocks} and {@code sg_ratelimit_buckets}. */
public final class JdbcRateLimitStorage implements RateLimitStorage {

    static final String BUCKET_TABLE = "sg_ratelimit_buckets";

    private final Database database;

    public JdbcRateLimitStorage(Database database) {
        this.database = database;
    }

    @Override
    public BlockStorage blocks(String siteKey) {
        return new JdbcBlockStorage(database, siteKey);
    }

    @Override
    public boolean canShareBuckets() {
        return database.isPostgres();
    }

    @Override
    public PostgreSQLSelectForUpdateBasedProxyManager<String> sharedBuckets(TimeMeter time, Duration keepAfterRefill) {
        if (!canShareBuckets()) {
            throw new IllegalStateException("Rate-limit buckets can be shared only in PostgreSQL");
        }
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(database.dataSource())
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(BUCKET_TABLE)
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(keepAfterRefill))
                .clientClock(time)
                .build();
    }
}
