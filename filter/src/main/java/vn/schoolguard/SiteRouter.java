package vn.schoolguard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterConfig;

import vn.schoolguard.api.ConfigProblem;
import vn.schoolguard.internal.housekeeping.Housekeeping;
import vn.schoolguard.internal.iplog.IpLog;
import vn.schoolguard.internal.iplog.IpLogSettings;
import vn.schoolguard.internal.log.Log;
import vn.schoolguard.internal.site.SiteFiles;
import vn.schoolguard.internal.site.SiteOverlay;

/**
 * Which site serves a request, by its host name, and that site's parts: built on the site's first request (the
 * default site at startup), rebuilt when its settings change. Thread-safe.
 */
final class SiteRouter implements AutoCloseable {

    private static final Log LOG = Log.get(SchoolGuardFilter.class);

    private final PlatformParts platform;
    private final Map<String, FilterParts> built = new ConcurrentHashMap<>();
    private final Housekeeping.Task reload;
    private final Housekeeping.Task idleRetention;
    private volatile SiteTable table;

    private SiteRouter(PlatformParts platform, SiteTable table) {
        this.platform = platform;
        this.table = table;
        Optional<Path> dir = platform.config.sites().dir();
        this.reload = dir.isEmpty() ? null : platform.housekeeping.every("re-reading the sites directory",
                platform.config.sites().reloadInterval(), platform.config.sites().reloadInterval(), this::reload);
        // A site's retention runs with its parts; one not served since the start still has entries to purge.
        Duration purge = platform.config.ipLog().purgeInterval();
        this.idleRetention = platform.config.sites().single() ? null
                : platform.housekeeping.every("IP log retention of sites not served since the start", purge, purge,
                        this::retainIdleSites);
    }

    private void retainIdleSites() {
        SiteTable current = table;
        for (String key : current.siteKeys()) {
            Optional<SchoolGuardConfig> config = current.config(key);
            if (built.containsKey(key) || config.isEmpty()) {
                continue;
            }
            IpLogSettings settings = config.get().ipLog();
            Instant now = platform.clock.instant();
            new IpLog(platform.ipLogStorage, key, platform.clock).applyRetention(now.minus(settings.retention()),
                    settings.pseudonymiseAfter().map(now::minus));
        }
    }

    /** The sites of the settings and of {@code sites.dir}; the shared settings' own site is built now. */
    static SiteRouter start(PlatformParts platform, FilterConfig filterConfig) {
        SiteTable table = SiteTable.build(platform.config, readFiles(platform.config, true), null);
        report(table.problems(), List.of());
        SiteRouter router = new SiteRouter(platform, table);
        router.register(table.siteKeys());
        platform.siteAdmin = new SiteAdministration(router, platform.config);
        String first = platform.config.siteKey();
        SchoolGuardConfig config = table.config(first).orElseThrow();
        router.built.put(first, FilterParts.start(platform, config, filterConfig));
        if (!platform.config.sites().single()) {
            LOG.info("SchoolGuard serves {} site(s) {}; a host no site names gets {}", table.siteKeys().size(),
                    table.siteKeys(), platform.config.sites().defaultSite().orElse("421 (sites.default=none)"));
        }
        return router;
    }

    /**
     * Gives these sites their IP-log heads now, not at their first request: the department's dashboard and monthly
     * report list the sites the database holds, and a school nobody has visited yet must be on them too. At start
     * every site; on a reload only those it added.
     */
    private void register(List<String> siteKeys) {
        for (String key : siteKeys) {
            platform.ipLogStorage.createHead(key);
        }
    }

    /** The parts of the request's site, or empty when no site serves its host name. */
    Optional<FilterParts> partsFor(String serverName) {
        SiteTable current = table;
        return current.siteFor(serverName).map(key -> built.computeIfAbsent(key,
                k -> FilterParts.build(platform, current.config(k).orElseThrow())));
    }

    /** The parts of a site by key, built if needed (for the console's site pages and tests). */
    Optional<FilterParts> parts(String siteKey) {
        SiteTable current = table;
        return current.config(siteKey).map(config -> built.computeIfAbsent(siteKey, k -> FilterParts.build(platform, config)));
    }

    /** Every site's key. */
    List<String> siteKeys() {
        return table.siteKeys();
    }

    /** The overlay a site's settings were built from; empty for the shared settings' own site without one. */
    Optional<SiteOverlay> overlay(String siteKey) {
        return table.overlay(siteKey);
    }

    /** The host problems a new site would bring: hosts another site names already. */
    List<ConfigProblem> hostConflicts(SiteOverlay candidate) {
        return table.hostConflicts(candidate);
    }

    /** What is wrong with the sites' settings now. */
    List<ConfigProblem> problems() {
        return table.problems();
    }

    /** Re-reads the sites directory now; a site whose settings changed is rebuilt on its next request. */
    synchronized void reload() {
        SiteTable before = table;
        SiteTable after = SiteTable.build(platform.config, readFiles(platform.config, false), before);
        table = after;
        register(after.siteKeys().stream().filter(key -> !before.siteKeys().contains(key)).toList());
        report(after.problems(), before.problems());
        for (String key : List.copyOf(built.keySet())) {
            Optional<SchoolGuardConfig> now = after.config(key);
            if (now.isEmpty() || now.get() != before.config(key).orElse(null)) {
                FilterParts old = built.remove(key);
                if (old != null) {
                    LOG.info("Site {} {}", key, now.isEmpty() ? "is no longer served" : "has new settings");
                    old.close();
                }
            }
        }
    }

    /** The site files; a missing directory is said once, at startup, not at every re-read. */
    private static List<SiteOverlay> readFiles(SchoolGuardConfig config, boolean atStart) {
        Optional<Path> dir = config.sites().dir();
        if (dir.isEmpty() || !Files.isDirectory(dir.get())) {
            if (dir.isPresent() && atStart) {
                LOG.warn("The sites directory {} (setting sites.dir) does not exist; only the main settings' sites run",
                        dir.get());
            }
            return List.of();
        }
        try {
            return SiteFiles.read(dir.get());
        } catch (IOException e) {
            LOG.error("The sites directory {} cannot be read ({}); the sites keep their settings", dir.get(), e.toString());
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Logs a problem once, when it first appears, not at every re-read. */
    private static void report(List<ConfigProblem> now, List<ConfigProblem> before) {
        for (ConfigProblem problem : now) {
            if (!before.contains(problem)) {
                LOG.error("A site's settings have a problem; the site keeps its previous settings, or is not served: {}",
                        problem.message());
            }
        }
    }

    @Override
    public void close() {
        if (reload != null) {
            reload.cancel();
        }
        if (idleRetention != null) {
            idleRetention.cancel();
        }
        built.values().forEach(FilterParts::close);
        built.clear();
    }
}
