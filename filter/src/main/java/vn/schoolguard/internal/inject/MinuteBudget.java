package vn.schoolguard.internal.inject;

import java.time.Clock;

/** At most a set number of admissions in each minute of the clock, so that a busy site spends bounded CPU. Thread-safe. */
final class MinuteBudget {

    private final Clock clock;
    private final int perMinute;
    private long minute = Long.MIN_VALUE;
    private int admitted;

    MinuteBudget(Clock clock, int perMinute) {
        this.clock = clock;
        this.perMinute = perMinute;
    }

    /** True, and counted, when this minute's budget is not spent yet. */
    synchronized boolean admit() {
        long now = clock.millis() / 60_000;
        if (now != minute) {
            minute = now;
            admitted = 0;
        }
        if (admitted >= perMinute) {
            return false;
        }
        admitted++;
        return true;
    }
}
