package vn.schoolguard.internal.inject;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import vn.schoolguard.internal.log.Log;

/**
 * Decorates the application's pages, without the servlet API: security headers, EMC tracker, parent-portal link and
 * badges, and a sampled scan of outgoing HTML for planted gambling links; {@code vn.schoolguard.http.page} puts it
 * in front of the application.
 *
 * <p>The page streams on: only a partial {@code </body>} and whatever follows the last complete one (up to
 * {@code inject.hold-limit}) are held, and the tracker and portal block go in before the last {@code </body>}. A
 * placeholder comment {@code <!-- schoolguard:portal -->} in a template puts the portal block exactly there. Pages
 * that already carry a working EMC tracker for the site ID get no second one. Pages outside
 * {@link InjectSettings.Scope} (by default the administration and sign-in areas) get the headers only. A page whose
 * own enforced Content-Security-Policy would stop the inserted tracker is reported in {@link #decorationWarnings()}
 * and the log.
 *
 * <p>One instance serves all requests and is thread-safe. Call {@link #close()} when the filter is destroyed.
 *
 * <pre>{@code
 * PageDecoration decoration = new PageDecoration(config.inject());
 * }</pre>
 */
public final class PageDecoration implements AutoCloseable {

    private static final Log LOG = Log.get(DecorationWarnings.LOG_NAME);
    private static final Set<String> ASSET_EXTENSIONS = Set.of("css", "js", "mjs", "map", "png", "jpg",
            "jpeg", "gif", "webp", "avif", "svg", "ico", "woff", "woff2", "ttf", "otf", "eot", "pdf", "doc", "docx", "xls",
            "xlsx", "ppt", "pptx", "zip", "mp3", "mp4", "webm", "txt", "xml", "json");

    private final InjectSettings settings;
    private final Snippets snippets;
    private final SecurityHeaders headers;
    private final RecentImplantAlerts recentAlerts = new RecentImplantAlerts(100);
    private final ImplantWatch watch;
    private final PlantedHosts planted;
    private final DecorationScope scope;
    private final DecorationWarnings warnings;
    private final PolicyVerdicts policies;
    private final PublicationWatch publication;
    private final boolean active;

    /** A decoration with the built-in gambling rules, nothing marked approved and the system clock. */
    public PageDecoration(InjectSettings settings) {
        this(settings, ImplantRules.builtIn(), ApprovedContent.NONE, Clock.systemUTC());
    }

    /**
     * @param rules    tells gambling hosts and phrases apart, for the implant watch
     * @param approved approved content, whose gambling phrases are not reported
     * @param clock    stamps implant alerts
     */
    public PageDecoration(InjectSettings settings, ImplantRules rules, ApprovedContent approved, Clock clock) {
        this(settings, rules, approved, clock, null, Duration.ZERO, 0);
    }

    /**
     * A decoration that also confirms publication: it looks for the text of approved, unseen submissions in the
     * pages it serves (off the request thread, at most {@code pagesPerMinute} pages a minute) and records where
     * each was first seen.
     *
     * @param publication    the submissions to look for; null for no publication watch
     * @param watchFor       how long after approval a submission is looked for
     * @param pagesPerMinute most pages looked at in one minute
     */
    public PageDecoration(InjectSettings settings, ImplantRules rules, ApprovedContent approved, Clock clock,
                          AwaitingPublication publication, Duration watchFor, int pagesPerMinute) {
        this.settings = settings;
        this.snippets = new Snippets(settings);
        this.headers = SecurityHeaders.of(settings, snippets);
        InjectSettings.Implant implant = settings.implant();
        boolean watching = implant.enabled() && implant.sampleRate() > 0;
        this.planted = watching && implant.strip() ? new PlantedHosts() : null;
        List<ImplantAlerts> sinks = planted == null ? List.of(ImplantAlerts.logging(), recentAlerts)
                : List.of(ImplantAlerts.logging(), recentAlerts, planted);
        this.watch = watching ? new ImplantWatch(new ImplantScanner(rules, approved, implant.allowedHosts()),
                sinks, clock, implant.queue(), implant.perMinute()) : null;
        this.scope = new DecorationScope(settings.scope());
        this.warnings = new DecorationWarnings(clock);
        this.policies = new PolicyVerdicts(TrackerPolicy.of(settings.trackerOrigin(), snippets.trackerSource()), warnings);
        this.publication = publication == null ? null : new PublicationWatch(publication, clock, watchFor, pagesPerMinute);
        this.active = snippets.hasTracker() || snippets.hasPortal() || watching || this.publication != null;
        if (!snippets.hasTracker()) {
            LOG.info("EMC tracker is not inserted: emc.site-id is not set");
        }
    }

    /** The security headers of the site's pages, set on every response before the application runs. */
    public SecurityHeaders securityHeaders() {
        return headers;
    }

    /**
     * Whether a page is decorated at all. Pages out of scope (admin and sign-in areas) keep the security headers but
     * are passed through untouched: no tracker or portal, and no implant scan, since they show drafts and held spam
     * that is not public. Style sheets, scripts, images, fonts and documents are never HTML pages, so static files
     * cost next to nothing.
     *
     * @param uri           the raw request URI
     * @param pathInContext the container's decoded, normalized path within the context
     */
    // Security-critical: decoration scope is decided on the decoded path.
    public boolean decorates(String uri, String pathInContext) {
        return active && !isAsset(uri) && scope.decorates(pathInContext);
    }

    /**
     * The decoration of one page that {@link #decorates} said yes to; it decides here whether the page is copied for
     * the implant and publication watches.
     *
     * @param responseHeaders the response's header values by name, read as the insertion goes in
     */
    public DecoratedPage page(PageRequest request, Function<String, Collection<String>> responseHeaders) {
        boolean sampled = watch != null && ThreadLocalRandom.current().nextDouble() < settings.implant().sampleRate()
                && watch.admit();
        boolean seeking = publication != null && publication.wants(request.method());
        HeadCapture head = new HeadCapture();
        return new DecoratedPage(insertion(request, responseHeaders, head), settings.holdLimit(),
                sampled || seeking ? settings.implant().maxBytes() : 0, planted == null ? null : planted.current(), head,
                (html, status) -> {
                    if (sampled) {
                        watch.submit(request.target(), request.serverName(), html);
                    }
                    if (seeking) {
                        publication.submit(request.target(), status, html);
                    }
                });
    }

    /** Whether a path names a style sheet, script, image, font or document, which is never an HTML page. */
    static boolean isAsset(String uri) {
        int dot = uri.lastIndexOf('.');
        if (dot < 0 || dot < uri.lastIndexOf('/')) {
            return false;
        }
        return ASSET_EXTENSIONS.contains(uri.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * Tells {@code sink} of every implant alert from now on, besides the log and the console (the site's incident
     * log, say). Does nothing when the implant watch is off.
     */
    public void alsoAlert(ImplantAlerts sink) {
        if (watch != null) {
            watch.add(sink);
        }
    }

    /** Recent implant alerts, newest first, for the console. */
    public List<ImplantAlert> recentImplantAlerts() {
        return recentAlerts.recent();
    }

    /** Pages whose own Content-Security-Policy stops the inserted tracker, for the console. */
    public DecorationWarnings decorationWarnings() {
        return warnings;
    }

    /** Tells the publication watch that a submission was approved, so that it looks for it from the next page on. */
    public void publicationChanged() {
        if (publication != null) {
            publication.changed();
        }
    }

    /** Stops the implant and publication watch threads. */
    @Override
    public void close() {
        if (watch != null) {
            watch.close();
        }
        if (publication != null) {
            publication.close();
        }
    }

    PublicationWatch publicationWatch() {
        return publication;
    }

    InjectSettings settings() {
        return settings;
    }

    ImplantWatch watch() {
        return watch;
    }

    private Insertion insertion(PageRequest request, Function<String, Collection<String>> responseHeaders,
                                HeadCapture head) {
        boolean portalHere = snippets.hasPortal() && (settings.portal().pages() == InjectSettings.PortalPages.ALL
                || settings.portal().homePaths().contains(request.homePath()));
        boolean portalAtEnd = portalHere && settings.portal().position() == InjectSettings.PortalPosition.END;
        return new Insertion(snippets.trackerIdentity()) {
            @Override
            public String atEnd(boolean trackerAlreadyThere, boolean portalPlaced) {
                String tracker = "";
                if (!trackerAlreadyThere && snippets.hasTracker()) {
                    List<String> metas = MetaPolicies.in(head.text());
                    Optional<String> nonce = PolicyVerdicts.nonce(responseHeaders, metas);
                    policies.check(request, responseHeaders, metas, nonce);
                    tracker = snippets.tracker(nonce);
                }
                return portalAtEnd && !portalPlaced ? snippets.portalBlock() + tracker : tracker;
            }

            @Override
            public String atPlaceholder() {
                return portalHere ? snippets.portalBlock() : "";
            }
        };
    }
}
