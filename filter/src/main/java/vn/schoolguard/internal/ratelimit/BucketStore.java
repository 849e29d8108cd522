package vn.schoolguard.internal.ratelimit;

import vn.schoolguard.internal.housekeeping.Housekeeping;

import java.time.Clock;
import java.time.Duration;

import vn.schoolguard.internal.log.Log;

import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.caffeine.CaffeineProxyManager;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

/**
 * Where buckets live: in a size-bounded, expiring Caffeine cache on this node, or in PostgreSQL shared by
 * every node (expired rows removed on a schedule). Either way a bucket
 * is dropped once it would have refilled completely, since a full bucket and a missing one behave alike.
 */
final class BucketStore implements AutoCloseable {

    private static final Log LOG = Log.get(BucketStore.class);
    // A bucket is kept this long past the moment it is full again, so that a returning client finds it.
    private static final Duration KEEP_AFTER_REFILL = Duration.ofSeconds(10);
    private static final int CLEAN_BATCH = 1000;

    private final ProxyManager<String> proxies;
    private final CaffeineProxyManager<String> local;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> shared;
    private volatile Housekeeping.Task cleaner;

    private BucketStore(ProxyManager<String> proxies, CaffeineProxyManager<String> local,
                        PostgreSQLSelectForUpdateBasedProxyManager<String> shared) {
        this.proxies = proxies;
        this.local = local;
        this.shared = shared;
    }

    /** Buckets in this node's memory: at most {@code maxBuckets}, the least recently used evicted first. */
    static BucketStore local(int maxBuckets, Clock clock) {
        TimeMeter time = new ClockTimeMeter(clock);
        Caffeine<Object, Object> cache = Caffeine.newBuilder()
                .maximumSize(maxBuckets)
                .ticker(time::currentTimeNanos)
                // Eviction and expiry run on the calling thread, so a flood cannot outrun them on a busy pool.
                .executor(Runnable::run);
        CaffeineProxyManager<String> manager = Bucket4jCaffeine.<String>builderFor(cache)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL))
                .clientClock(time)
                .build();
        return new BucketStore(manager, manager, null);
    }

    /** Buckets in PostgreSQL, shared by every node using the same database. */
    static BucketStore shared(RateLimitStorage storage, Clock clock, Duration cleanEvery, Housekeeping housekeeping) {
        PostgreSQLSelectForUpdateBasedProxyManager<String> manager =
                storage.sharedBuckets(new ClockTimeMeter(clock), KEEP_AFTER_REFILL);
        BucketStore store = new BucketStore(manager, null, manager);
        store.cleaner = housekeeping.every("removing expired rate-limit buckets", cleanEvery, cleanEvery, store::clean);
        return store;
    }

    ProxyManager<String> proxies() {
        return proxies;
    }

    boolean isShared() {
        return shared != null;
    }

    /** How many buckets this node holds in memory (an estimate; 0 for shared buckets). */
    long estimatedSize() {
        if (local == null) {
            return 0;
        }
        local.getCache().cleanUp();
        return local.getCache().estimatedSize();
    }

    /** Removes shared buckets past their expiry; returns how many went. */
    int removeExpired() {
        if (shared == null) {
            return 0;
        }
        int total = 0;
        int removed;
        do {
            removed = shared.removeExpired(CLEAN_BATCH);
            total += removed;
        } while (removed == CLEAN_BATCH);
        return total;
    }

    private void clean() {
        int removed = removeExpired();
        if (removed > 0) {
            LOG.debug("Removed {} expired rate-limit buckets", removed);
        }
    }

    @Override
    public void close() {
        if (cleaner != null) {
            cleaner.cancel();
        }
    }
}
