package vn.schoolguard.inject;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import vn.schoolguard.log.Log;

/** Scans sampled pages on one background thread; a full queue drops the page rather than slowing a visitor. */
final class ImplantWatch implements AutoCloseable {

    private static final Log LOG = Log.get("vn.schoolguard.implant");

    private final ImplantScanner scanner;
    private final List<ImplantAlerts> sinks;
    private final Clock clock;
    private final ThreadPoolExecutor executor;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong scanned = new AtomicLong();
    private final AtomicLong pending = new AtomicLong();

    private final int perMinute;
    private long minute = Long.MIN_VALUE;
    private int admitted;

    ImplantWatch(ImplantScanner scanner, List<ImplantAlerts> sinks, Clock clock, int queue, int perMinute) {
        this.perMinute = perMinute;
        this.scanner = scanner;
        this.sinks = List.copyOf(sinks);
        this.clock = clock;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queue), run -> {
            Thread thread = new Thread(run, "schoolguard-implant-watch");
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * True when another page may be scanned this minute; asked before a page is copied, so that a busy site
     * spends a bounded amount of CPU on scans whatever its traffic.
     */
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

    /** Queues a page for scanning; returns false (and counts a drop) when the queue is full. */
    boolean submit(String page, String host, String html) {
        pending.incrementAndGet();
        try {
            executor.execute(() -> scan(page, host, html));
            return true;
        } catch (RejectedExecutionException e) {
            pending.decrementAndGet();
            dropped.incrementAndGet();
            return false;
        }
    }

    long dropped() {
        return dropped.get();
    }

    long scanned() {
        return scanned.get();
    }

    /** Waits for queued scans to end, for tests and orderly shutdown. */
    boolean awaitIdle(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (pending.get() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.onSpinWait();
            Thread.yield();
        }
        return true;
    }

    @Override
    public void close() {
        executor.shutdownNow();
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
        } finally {
            pending.decrementAndGet();
        }
    }
}
