package vn.schoolguard.internal.inject;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import vn.schoolguard.internal.log.Log;

/**
 * Confirms publication: looks for the text of approved, not yet seen submissions in the pages the site serves,
 * on one background thread, and records the first page each was seen on. Costs are bounded: only while
 * something is awaited, only GET pages answered 200, at most a set number of pages a minute, at most
 * {@link #MOST_AWAITED} submissions approved within the watch window; a full queue drops the page.
 */
final class PublicationWatch implements AutoCloseable {

    private static final Log LOG = Log.get("vn.schoolguard.publication");
    static final int MOST_AWAITED = 500;
    private static final Duration RELOAD = Duration.ofMinutes(1);

    private record Probe(long id, TextShingles text) {
    }

    private final AwaitingPublication source;
    private final Clock clock;
    private final Duration watchFor;
    private final MinuteBudget budget;
    private final Background background;
    private final AtomicBoolean stale = new AtomicBoolean(true);
    private final AtomicBoolean reloadQueued = new AtomicBoolean();
    private volatile List<Probe> probes = List.of();
    /** True while the awaited texts are being read again: a page served meanwhile must still be looked at. */
    private volatile boolean loading;
    private volatile Instant loadedAt = Instant.MIN;

    PublicationWatch(AwaitingPublication source, Clock clock, Duration watchFor, int perMinute) {
        this.source = source;
        this.clock = clock;
        this.watchFor = watchFor;
        this.budget = new MinuteBudget(clock, perMinute);
        this.background = new Background("schoolguard-publication-watch", 32);
    }

    /** Something was approved (or changed): read the awaited submissions again before the next page. */
    void changed() {
        stale.set(true);
        scheduleReload();
    }

    private void scheduleReload() {
        if (reloadQueued.compareAndSet(false, true)) {
            run(() -> {
                reloadQueued.set(false);
                reloadIfStale();
            });
        }
    }

    private boolean old() {
        return loadedAt.plus(RELOAD).isBefore(clock.instant());
    }

    /**
     * Whether this page should be copied for a look; asked on the request thread, so it only reads memory.
     * When nothing is awaited no page is copied, but a reload is started once the list is old.
     */
    boolean wants(String method) {
        if (!"GET".equals(method)) {
            return false;
        }
        if (stale.get() || loading) {
            // Something was approved and is not loaded yet: copy this page, the look loads it first.
            return budget.admit();
        }
        if (probes.isEmpty()) {
            if (old()) {
                scheduleReload();
            }
            return false;
        }
        return budget.admit();
    }

    /** Looks for awaited texts in a page served at {@code target} (path and query as requested). */
    void submit(String target, int status, String html) {
        if (status != 200) {
            return;
        }
        run(() -> look(target, html));
    }

    private void run(Runnable task) {
        background.submit(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("Publication watch failed", e);
            }
        });
    }

    private void reloadIfStale() {
        if (!stale.get() && !old()) {
            return;
        }
        loading = true;
        try {
            load();
        } finally {
            loading = false;
        }
    }

    private void load() {
        // Cleared before reading, so that an approval during the read marks the list stale again.
        stale.set(false);
        List<Probe> loaded = new ArrayList<>();
        for (AwaitingPublication.Awaited awaited : source.awaiting(clock.instant().minus(watchFor), MOST_AWAITED)) {
            TextShingles text = TextShingles.probe(awaited.text());
            if (!text.isEmpty()) {
                loaded.add(new Probe(awaited.id(), text));
            }
        }
        probes = List.copyOf(loaded);
        loadedAt = clock.instant();
    }

    // Security-critical: decides that a submission is published; only visible text of a served page counts.
    private void look(String target, String html) {
        reloadIfStale();
        List<Probe> current = probes;
        if (current.isEmpty()) {
            return;
        }
        TextShingles page = TextShingles.page(VisibleText.of(html));
        // A page that only echoes its own request (a search for the text) proves nothing.
        TextShingles request = TextShingles.page(decoded(target));
        List<Probe> remaining = new ArrayList<>(current);
        boolean changed = false;
        for (Probe probe : current) {
            if (probe.text().foundIn(page) && !probe.text().foundIn(request)) {
                if (source.markSeen(probe.id(), target, clock.instant())) {
                    LOG.info("Approved submission {} seen on {}", probe.id(), target);
                }
                remaining.remove(probe);
                changed = true;
            }
        }
        if (changed) {
            probes = List.copyOf(remaining);
        }
    }

    private static String decoded(String target) {
        try {
            return URLDecoder.decode(target, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return target;
        }
    }

    /** Waits for queued looks to end, for tests and orderly shutdown. */
    boolean awaitIdle(long millis) {
        return background.awaitIdle(millis);
    }

    @Override
    public void close() {
        background.close();
    }
}
