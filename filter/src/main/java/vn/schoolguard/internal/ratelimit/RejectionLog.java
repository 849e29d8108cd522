package vn.schoolguard.internal.ratelimit;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import vn.schoolguard.internal.log.Line;
import vn.schoolguard.internal.log.Log;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import vn.schoolguard.internal.iplog.IpLog;
import vn.schoolguard.internal.iplog.Outcome;

/**
 * Decides which refused submissions are written to the IP log in full. Writing every one would let a
 * flood turn the hash-chained log (one locked head row) into the bottleneck, so: the first refusal of an
 * address in each {@code logEvery} period is written in full, within a site-wide budget; the others are
 * counted, and the count goes to the mirror logger when the period ends. Memory is bounded like the buckets.
 */
final class RejectionLog {

    private static final Log MIRROR = Log.get(IpLog.MIRROR_LOGGER);

    private final Cache<String, AtomicLong> recent;
    private final Bucket budget;
    private final AtomicLong counted = new AtomicLong();

    RejectionLog(RateLimitSettings settings, Clock clock) {
        ClockTimeMeter time = new ClockTimeMeter(clock);
        this.recent = Caffeine.newBuilder()
                .maximumSize(settings.cacheSize())
                .expireAfterWrite(settings.logEvery())
                .ticker(time::currentTimeNanos)
                .executor(Runnable::run)
                .<String, AtomicLong>removalListener((key, count, cause) -> report(key, count, cause))
                .build();
        var builder = Bucket.builder().withCustomTimePrecision(time);
        for (Limit limit : settings.logBudget()) {
            builder.addLimit(Bandwidth.builder().capacity(limit.tokens()).refillGreedy(limit.tokens(), limit.period()).build());
        }
        this.budget = builder.build();
    }

    /** Whether this refusal is written in full; when not, it is counted instead. */
    boolean writeInFull(Outcome outcome, String clientKey) {
        boolean[] first = new boolean[1];
        AtomicLong count = recent.get(outcome.key() + " " + clientKey, k -> {
            first[0] = true;
            return new AtomicLong();
        });
        if (first[0] && budget.tryConsume(1)) {
            return true;
        }
        count.incrementAndGet();
        counted.incrementAndGet();
        return false;
    }

    /** How many refusals were counted rather than written, since start. */
    long counted() {
        return counted.get();
    }

    /** Reports every pending count now (on shutdown, and for tests). */
    void flush() {
        recent.invalidateAll();
        recent.cleanUp();
    }

    private static void report(String key, AtomicLong count, RemovalCause cause) {
        if (key == null || count == null || count.get() == 0) {
            return;
        }
        int space = key.indexOf(' ');
        MIRROR.info(Line.of("iplog refusals counted").add("outcome", key.substring(0, space))
                .add("client", key.substring(space + 1)).add("count", count.get())
                .remark("further refused submission attempts, counted but not written to the IP log"));
    }
}
