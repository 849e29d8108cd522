package vn.schoolguard.inject;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.schoolguard.log.Log;

/**
 * Decorates the application's responses: security headers, EMC tracker, parent-portal link and badges,
 * and a sampled scan of outgoing HTML for planted gambling links.
 *
 * <p>For every request it sets the {@link SecurityHeaders} first, then lets the application write through a
 * response that streams the page on: only a partial {@code </body>} and whatever follows the last complete
 * one (up to {@code inject.hold-limit}) are held, and the tracker and portal block go in before the last
 * {@code </body>}. A placeholder comment {@code <!-- schoolguard:portal -->} in a template puts the portal
 * block exactly there. Pages that already carry a working EMC tracker for the site ID get no second one.
 * Pages outside {@link InjectSettings.Scope} (by default the administration and sign-in areas) get the headers only.
 * A page whose own enforced Content-Security-Policy would stop the inserted tracker is reported in
 * {@link #decorationWarnings()} and the log.
 * Only HTML with an ASCII-compatible charset is touched; compressed responses, HEAD, 204, 304, redirects and
 * bodies the container replaces (sendError) are passed through, and a Content-Length the page no longer
 * matches is dropped. Asynchronous responses are finished on {@code AsyncContext.complete()}.
 *
 * <p>One instance serves all requests and is thread-safe. Call {@link #close()} when the filter is destroyed.
 *
 * <pre>{@code
 * PageDecorator decorator = new PageDecorator(config.inject());
 * decorator.filter(request, response, chain);
 * }</pre>
 */
public final class PageDecorator implements AutoCloseable {

    private static final Log LOG = Log.get(PageDecorator.class);
    private static final String ATTRIBUTE = PageDecorator.class.getName() + ".response";

    private final InjectSettings settings;
    private final Snippets snippets;
    private final SecurityHeaders headers;
    private final RecentImplantAlerts recentAlerts = new RecentImplantAlerts(100);
    private final ImplantWatch watch;
    private final PlantedHosts planted;
    private final DecorationScope scope;
    private final TrackerPolicy trackerPolicy;
    private final DecorationWarnings warnings;
    private final Map<String, List<TrackerPolicy.Block>> verdicts = new ConcurrentHashMap<>();
    private final PublicationWatch publication;
    private final boolean active;

    /** A decorator with the built-in gambling rules, nothing marked approved and the system clock. */
    public PageDecorator(InjectSettings settings) {
        this(settings, ImplantRules.builtIn(), ApprovedContent.NONE, Clock.systemUTC());
    }

    /**
     * @param rules    tells gambling hosts and phrases apart, for the implant watch
     * @param approved approved content, whose gambling phrases are not reported
     * @param clock    stamps implant alerts
     */
    public PageDecorator(InjectSettings settings, ImplantRules rules, ApprovedContent approved, Clock clock) {
        this(settings, rules, approved, clock, null, java.time.Duration.ZERO, 0);
    }

    /**
     * A decorator that also confirms publication: it looks for the text of approved, unseen submissions in the
     * pages it serves (off the request thread, at most {@code pagesPerMinute} pages a minute) and records where
     * each was first seen.
     *
     * @param publication    the submissions to look for; null for no publication watch
     * @param watchFor       how long after approval a submission is looked for
     * @param pagesPerMinute most pages looked at in one minute
     */
    public PageDecorator(InjectSettings settings, ImplantRules rules, ApprovedContent approved, Clock clock,
                         AwaitingPublication publication, java.time.Duration watchFor, int pagesPerMinute) {
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
        this.trackerPolicy = TrackerPolicy.of(settings.trackerOrigin(), snippets.trackerSource());
        this.warnings = new DecorationWarnings(clock);
        this.publication = publication == null ? null : new PublicationWatch(publication, clock, watchFor, pagesPerMinute);
        this.active = snippets.hasTracker() || snippets.hasPortal() || watching || this.publication != null;
        if (!snippets.hasTracker()) {
            LOG.info("EMC tracker is not inserted: emc.site-id is not set");
        }
    }

    /** Runs the rest of the chain with a response that is decorated on its way out. */
    public void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        DispatcherType type = request.getDispatcherType();
        Object current = request.getAttribute(ATTRIBUTE);
        if (current instanceof DecoratedResponse decorated && type != DispatcherType.ERROR) {
            // An include, forward or async dispatch inside a page that is already being decorated.
            chain.doFilter(request, response);
            if (type == DispatcherType.ASYNC && !request.isAsyncStarted()) {
                decorated.finish();
            }
            return;
        }
        headers.apply(request, response);
        // Pages out of scope (admin and sign-in areas) keep the security headers but are passed through untouched:
        // no tracker or portal, and no implant scan, since they show drafts and held spam that is not public.
        if (!active || isAsset(request.getRequestURI()) || !scope.decorates(pathInContext(request))) {
            chain.doFilter(request, response);
            return;
        }
        boolean sampled = watch != null && ThreadLocalRandom.current().nextDouble() < settings.implant().sampleRate()
                && watch.admit();
        HeadCapture head = new HeadCapture();
        boolean seeking = publication != null && publication.wants(request.getMethod());
        DecoratedResponse decorated = new DecoratedResponse(request, response, insertion(request, response, head),
                settings.holdLimit(), () -> headers.apply(request, response),
                sampled || seeking ? settings.implant().maxBytes() : 0, (req, html) -> {
                    if (sampled) {
                        scan(req, html);
                    }
                    if (seeking) {
                        publication.submit(target(req), response.getStatus(), html);
                    }
                }, planted == null ? null : planted.current(), head);
        request.setAttribute(ATTRIBUTE, decorated);
        DecoratedRequest wrapped = new DecoratedRequest(request, decorated);
        chain.doFilter(wrapped, decorated);
        if (!request.isAsyncStarted()) {
            decorated.finish();
        }
    }

    /**
     * Whether a path names a style sheet, script, image, font or document, which is never an HTML page: such
     * requests get the security headers but no response wrapper, so static files cost next to nothing.
     */
    static boolean isAsset(String uri) {
        int dot = uri.lastIndexOf('.');
        if (dot < 0 || dot < uri.lastIndexOf('/')) {
            return false;
        }
        return ASSET_EXTENSIONS.contains(uri.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
    }

    private static final java.util.Set<String> ASSET_EXTENSIONS = java.util.Set.of("css", "js", "mjs", "map", "png", "jpg",
            "jpeg", "gif", "webp", "avif", "svg", "ico", "woff", "woff2", "ttf", "otf", "eot", "pdf", "doc", "docx", "xls",
            "xlsx", "ppt", "pptx", "zip", "mp3", "mp4", "webm", "txt", "xml", "json");

    /** The same security headers, for pages SchoolGuard serves itself (the console). */
    public SecurityHeaders securityHeaders() {
        return headers;
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

    private void scan(HttpServletRequest request, String html) {
        watch.submit(target(request), request.getServerName(), html);
    }

    private static String target(HttpServletRequest request) {
        return request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    }

    private Insertion insertion(HttpServletRequest request, HttpServletResponse response, HeadCapture head) {
        boolean portalHere = snippets.hasPortal() && (settings.portalPages() == InjectSettings.PortalPages.ALL || isHome(request));
        boolean portalAtEnd = portalHere && settings.portalPosition() == InjectSettings.PortalPosition.END;
        return new Insertion(snippets.trackerIdentity()) {
            @Override
            public String atEnd(boolean trackerAlreadyThere, boolean portalPlaced) {
                String tracker = "";
                if (!trackerAlreadyThere && snippets.hasTracker()) {
                    List<String> metas = MetaPolicies.in(head.text());
                    Optional<String> nonce = nonce(response, metas);
                    checkPolicies(request, response, metas, nonce);
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

    private boolean isHome(HttpServletRequest request) {
        String path = request.getRequestURI();
        String context = request.getContextPath();
        if (context != null && !context.isEmpty() && path.startsWith(context)) {
            path = path.substring(context.length());
        }
        if (path.isEmpty()) {
            path = "/";
        }
        return settings.homePaths().contains(path);
    }

    /**
     * The container's decoded, normalized path within the context ({@code %61dmin} is {@code admin}, path parameters
     * dropped), which is what the application routes on; the raw request URI would let an encoding slip past.
     */
    // Security-critical: decoration scope is decided on this path.
    static String pathInContext(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        if (!path.isEmpty()) {
            return path;
        }
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        String raw = context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
        return raw.isEmpty() ? "/" : raw;
    }

    /**
     * Warns when a policy the page enforces (its {@code <meta>} elements, or a header the application set) would stop
     * the tracker about to be inserted. Report-only policies block nothing.
     */
    private void checkPolicies(HttpServletRequest request, HttpServletResponse response, List<String> metas,
                               Optional<String> nonce) {
        Collection<String> headerPolicies = response.getHeaders("Content-Security-Policy");
        if (metas.isEmpty() && headerPolicies.isEmpty()) {
            return;
        }
        String origin = origin(request);
        String path = pathInContext(request);
        for (String policy : headerPolicies) {
            verdict(policy, true, nonce, origin).forEach(block -> warnings.record(path, "header", block));
        }
        for (String policy : metas) {
            verdict(policy, false, nonce, origin).forEach(block -> warnings.record(path, "meta", block));
        }
    }

    private List<TrackerPolicy.Block> verdict(String policy, boolean fromHeader, Optional<String> nonce, String origin) {
        String key = fromHeader + "\n" + nonce.orElse("") + "\n" + origin + "\n" + policy;
        List<TrackerPolicy.Block> known = verdicts.get(key);
        if (known != null) {
            return known;
        }
        List<TrackerPolicy.Block> blocks;
        try {
            blocks = trackerPolicy.blocks(policy, fromHeader, nonce, origin);
        } catch (RuntimeException e) {
            LOG.debug("Content-Security-Policy not understood: {}", policy, e);
            return List.of();
        }
        // Nonces change per page, so the cache is only bounded, never relied on.
        if (verdicts.size() >= 256) {
            verdicts.clear();
        }
        verdicts.put(key, List.copyOf(blocks));
        return blocks;
    }

    private static String origin(HttpServletRequest request) {
        String host = request.getServerName();
        if (host != null && host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return request.getScheme() + "://" + host + ":" + request.getServerPort();
    }

    private static Optional<String> nonce(HttpServletResponse response, List<String> metas) {
        List<String> policies = new ArrayList<>(response.getHeaders("Content-Security-Policy"));
        policies.addAll(response.getHeaders("Content-Security-Policy-Report-Only"));
        // A nonce from the page's own <meta> policy is the next best: the header's decides when both exist.
        policies.addAll(metas);
        for (String policy : policies) {
            Optional<String> nonce = Snippets.nonceIn(policy);
            if (nonce.isPresent()) {
                return nonce;
            }
        }
        return Optional.empty();
    }
}
