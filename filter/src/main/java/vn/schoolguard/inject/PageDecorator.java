package vn.schoolguard.inject;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * block exactly there. Pages that already carry an EMC tracker ({@code _govaq}) get no second one.
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
        this.active = snippets.hasTracker() || snippets.hasPortal() || watching;
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
        if (!active || isAsset(request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        boolean sampled = watch != null && ThreadLocalRandom.current().nextDouble() < settings.implant().sampleRate()
                && watch.admit();
        DecoratedResponse decorated = new DecoratedResponse(request, response, insertion(request, response),
                settings.holdLimit(), () -> headers.apply(request, response),
                sampled ? settings.implant().maxBytes() : 0, this::scan, planted == null ? null : planted.current());
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

    /** Stops the implant watch thread. */
    @Override
    public void close() {
        if (watch != null) {
            watch.close();
        }
    }

    InjectSettings settings() {
        return settings;
    }

    ImplantWatch watch() {
        return watch;
    }

    private void scan(HttpServletRequest request, String html) {
        String page = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        watch.submit(page, request.getServerName(), html);
    }

    private Insertion insertion(HttpServletRequest request, HttpServletResponse response) {
        boolean portalHere = snippets.hasPortal() && (settings.portalPages() == InjectSettings.PortalPages.ALL || isHome(request));
        boolean portalAtEnd = portalHere && settings.portalPosition() == InjectSettings.PortalPosition.END;
        return new Insertion() {
            @Override
            public String atEnd(boolean trackerAlreadyThere, boolean portalPlaced) {
                String tracker = trackerAlreadyThere ? "" : snippets.tracker(nonce(response));
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

    private static Optional<String> nonce(HttpServletResponse response) {
        List<String> policies = new ArrayList<>(response.getHeaders("Content-Security-Policy"));
        policies.addAll(response.getHeaders("Content-Security-Policy-Report-Only"));
        for (String policy : policies) {
            Optional<String> nonce = Snippets.nonceIn(policy);
            if (nonce.isPresent()) {
                return nonce;
            }
        }
        return Optional.empty();
    }
}
