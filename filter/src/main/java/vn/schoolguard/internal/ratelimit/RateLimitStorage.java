package vn.schoolguard.internal.ratelimit;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;

/** The storage the rate limiter needs from the database layer: block lists and, on PostgreSQL, shared buckets. */
public interface RateLimitStorage {

    /** One site's block list. */
    BlockStorage blocks(String siteKey);

    /** Whether buckets can be shared by every node (the database is PostgreSQL). */
    boolean canShareBuckets();

    /**
     * Buckets kept in the database, each row expiring {@code keepAfterRefill} after its bucket is full again.
     *
     * @throws IllegalStateException when {@link #canShareBuckets()} is false
     */
    PostgreSQLSelectForUpdateBasedProxyManager<String> sharedBuckets(TimeMeter time, Duration keepAfterRefill);
}
