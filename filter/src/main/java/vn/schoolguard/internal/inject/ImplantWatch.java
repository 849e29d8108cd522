package vn.schoolguard.internal.inject;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import vn.schoolguard.internal.log.Log;

/** Scans sampled pages on one background thread; a full queue drops the page rather than slowing a visitor. */
final class ImplantWatch implements AutoCloseable {

    private static final Log LOG = Log.get("vn.schoolguard.implant");

    private final ImplantScanner scanner;
    private final List<ImplantAlerts> sinks;
    private final Clock clock;
    private final Background background;
    private final MinuteBudget budget;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong scanned = new AtomicLong();

    ImplantWatch(ImplantScanner scanner, List<ImplantAlerts> sinks, Clock clock, int queue, int perMinute) {
        this.scanner = scanner;
        this.sinks = new CopyOnWriteArrayList<>(sinks);
        this.clock = clock;
        this.background = new Background("schoolguard-implant-watch", queue);
        this.budget = new MinuteBudget(clock, perMinute);
    }

    /** Tells {@code sink} of every later alert too. */
    void add(ImplantAlerts sink) {
        sinks.add(sink);
    }

    /**
     * True when another page may be scanned this minute; asked before a page is copied, so that a busy site
     * spends a bounded amount of CPU on scans whatever its traffic.
     */
    boolean admit() {
        return budget.admit();
    }

    /** Queues a page for scanning; returns false (and counts a drop) when the queue is full. */
    boolean submit(String page, String host, String html) {
        if (background.submit(() -> scan(page, host, html))) {
            return true;
        }
        dropped.incrementAndGet();
        return false;
    }

    long dropped() {
        return dropped.get();
    }

    long scanned() {
        return scanned.get();
    }

    /** Waits for queued scans to end, for tests and orderly shutdown. */
    boolean awaitIdle(long millis) {
        return background.awaitIdle(millis);
    }

    @Override
    public void close() {
        background.close();
    }

    private void scan(String page, String host, String html) {
        try {
            List<ImplantFinding> findings = scanner.scan(html, host);
            scanned.incrementAndGet();
            if (findings.isEmpty()) {
                return;
            }
            ImplantAlert alert = new ImplantAlert(clock.instant(), page, findings);
            for (ImplantAlerts sink : sinks) {
                sink.alert(alert);
            }
        } catch (RuntimeException e) {
            LOG.warn("Implant scan of {} failed", page, e);
        }
    }
}
