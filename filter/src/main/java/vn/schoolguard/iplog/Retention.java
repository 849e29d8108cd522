package vn.schoolguard.iplog;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import vn.schoolguard.log.Log;

/** Applies the IP log's retention on a schedule, on one daemon thread, off the request path. */
public final class Retention implements AutoCloseable {

    private static final Log LOG = Log.get(Retention.class);

    private final IpLog log;
    private final IpLogSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "schoolguard-iplog-retention");
        thread.setDaemon(true);
        return thread;
    });

    public Retention(IpLog log, IpLogSettings settings, Clock clock) {
        this.log = log;
        this.settings = settings;
        this.clock = clock;
        long interval = settings.purgeInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::runSafely, Math.min(interval, 60_000), interval, TimeUnit.MILLISECONDS);
    }

    /** Runs retention once now; returns {deleted, pseudonymised}. */
    public int[] runOnce() {
        Instant now = clock.instant();
        return log.applyRetention(now.minus(settings.retention()), settings.pseudonymiseAfter().map(now::minus));
    }

    private void runSafely() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            // A database hiccup must not stop future runs.
            LOG.warn("IP log retention did not run: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
