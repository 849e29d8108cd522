package vn.schoolguard.internal.ratelimit;

import java.time.Clock;
import java.time.Instant;

import io.github.bucket4j.TimeMeter;

/** Bucket4j's time from a {@link Clock}, so that tests move time by hand and nodes agree on wall-clock time. */
final class ClockTimeMeter implements TimeMeter {

    private final Clock clock;

    ClockTimeMeter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public long currentTimeNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public boolean isWallClockBased() {
        // Buckets shared through the database are compared across nodes, which needs wall-clock time.
        return true;
    }
}
