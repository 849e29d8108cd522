package vn.schoolguard.internal.iplog;

import java.time.Duration;

import vn.schoolguard.internal.housekeeping.Housekeeping;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import vn.schoolguard.internal.log.Log;

/** Applies the IP log's retention on a schedule, on one daemon thread, off the request path. */
public final class Retention implements AutoCloseable {

    private static final Log LOG = Log.get(Retention.class);

    private final IpLog log;
    private final IpLogSettings settings;
    private final Clock clock;
    private final Housekeeping.Task task;

    /** Retention every {@code ip-log.purge-interval} on {@code housekeeping}, the first run within a minute. */
    public Retention(IpLog log, IpLogSettings settings, Clock clock, Housekeeping housekeeping) {
        this.log = log;
        this.settings = settings;
        this.clock = clock;
        Duration interval = settings.purgeInterval();
        Duration first = interval.compareTo(Duration.ofMinutes(1)) < 0 ? interval : Duration.ofMinutes(1);
        this.task = housekeeping.every("IP log retention", first, interval, this::runOnce);
    }

    /** Runs retention once now; returns {deleted, pseudonymised}. */
    public int[] runOnce() {
        Instant now = clock.instant();
        return log.applyRetention(now.minus(settings.retention()), settings.pseudonymiseAfter().map(now::minus));
    }

    @Override
    public void close() {
        task.cancel();
    }
}
