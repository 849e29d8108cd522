package vn.schoolguard;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.schoolguard.api.ConfigException;
import vn.schoolguard.api.ConfigProblem;

import vn.schoolguard.internal.http.IncomingReplay;
import vn.schoolguard.internal.http.SubmissionIntake;
import vn.schoolguard.internal.log.Log;
import vn.schoolguard.api.ApprovalListener;
import vn.schoolguard.internal.moderation.Route;
import vn.schoolguard.internal.web.Http;

/**
 * The SchoolGuard filter: the one class a {@code web.xml} names. Map it to {@code /*} for the REQUEST
 * dispatcher, first in the chain.
 *
 * <p>On a configured submission route ({@code route.<name>.match}) it holds the submission for
 * moderation: reads and checks it, sanitizes HTML fields, scores it, stores it with the poster's address
 * and answers "awaiting moderation" with a receipt code; nothing reaches the application until a moderator
 * approves it, when the stored request is replayed to the application. Under the console path (default
 * {@code /_schoolguard}) it serves the moderator console, the REST API and the receipt pages. Every other
 * request passes through to the application, with page decoration (security headers, EMC tracker,
 * parent-portal link).
 *
 * <p>Configuration comes from, in increasing precedence: a properties file (init-parameter
 * {@code config-file}, context-parameter or system property {@code schoolguard.config}, environment variable
 * {@code SCHOOLGUARD_CONFIG}, else {@code /WEB-INF/schoolguard.properties} when present), the filter's other
 * init-parameters, {@code schoolguard.*} system properties and {@code SCHOOLGUARD_*} environment variables.
 * The essential keys: {@code data.dir}, {@code store.url}, {@code route.<name>.match},
 * {@code route.<name>.fields}, {@code proxies.trusted}, {@code accounts.seed}; all keys are listed in
 * docs/en/configuration.md. Invalid settings stop startup with one message naming every bad key.
 *
 * <p>One filter can serve many school sites, chosen per request by host name ({@code site.<key>.hosts}), each with
 * its own settings overlaid on the shared ones ({@code site.<key>.<setting>}, or a file per site in {@code sites.dir}
 * re-read while running) and its own queue, IP log, accounts and sessions in the one database; a host no site names
 * gets {@code sites.default}, or 421 when that is {@code none}. See docs/en/multi-site.md.
 *
 * <pre>{@code
 * <filter>
 *   <filter-name>schoolguard</filter-name>
 *   <filter-class>vn.schoolguard.SchoolGuardFilter</filter-class>
 * </filter>
 * <filter-mapping>
 *   <filter-name>schoolguard</filter-name>
 *   <url-pattern>/*</url-pattern>
 * </filter-mapping>
 * }</pre>
 *
 * <p>Thread-safe; one instance serves all requests.
 */
public final class SchoolGuardFilter implements Filter {

    /** ServletContext attribute holding the list of {@link ApprovalListener}s (see {@link #approvalListeners}). */
    public static final String LISTENERS_ATTRIBUTE = "vn.schoolguard.approvalListeners";

    /**
     * A servlet-context attribute a host may set, before the filter starts, to a {@link
     * java.util.concurrent.ScheduledExecutorService} on which SchoolGuard then runs its periodic work (IP-log retention,
     * expired rate-limit buckets, saving discovered forms) instead of on a daemon thread of its own. The host owns that
     * scheduler: SchoolGuard cancels its tasks when it stops but never shuts the scheduler down.
     */
    public static final String HOUSEKEEPING_ATTRIBUTE = "vn.schoolguard.housekeeping";

    private static final Log LOG = Log.get(SchoolGuardFilter.class);
    private static final String FILTERED = SchoolGuardFilter.class.getName() + ".FILTERED";

    /** One stage of the dispatch: serves the request and answers true, or leaves it to the next stage. */
    @FunctionalInterface
    private interface Stage {
        boolean serve(FilterParts parts, HttpServletRequest request, HttpServletResponse response, String path,
                      FilterChain chain) throws IOException, ServletException;
    }

    private PlatformParts platform;
    private SiteRouter sites;
    /** The dispatch, in order; a request no stage serves goes to the application, decorated. */
    private List<Stage> stages;

    /**
     * The approval listeners of a web application: add yours from a {@code ServletContextListener} or any
     * time after the filter started.
     */
    @SuppressWarnings("unchecked")
    public static List<ApprovalListener> approvalListeners(ServletContext context) {
        Object listeners = context.getAttribute(LISTENERS_ATTRIBUTE);
        if (listeners == null) {
            throw new IllegalStateException("SchoolGuardFilter has not started in this web application");
        }
        return (List<ApprovalListener>) listeners;
    }

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        SchoolGuardConfig config;
        try {
            config = loadConfig(filterConfig);
        } catch (ConfigException e) {
            LOG.error("SchoolGuard cannot start. {}", e.getMessage());
            throw new ServletException(e.getMessage(), e);
        }
        platform = PlatformParts.start(config, filterConfig);
        try {
            sites = SiteRouter.start(platform, filterConfig);
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
        // Before anything else: a verified replay is the poster's post, approved; it is not held, limited or logged
        // again. The console comes before the routes, so that no route can take the console's paths.
        stages = List.of(SchoolGuardFilter::refuseTrace, this::replay, this::console, this::submission);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)
                || request.getDispatcherType() != DispatcherType.REQUEST || request.getAttribute(FILTERED) != null) {
            chain.doFilter(req, res);
            return;
        }
        request.setAttribute(FILTERED, Boolean.TRUE);
        // Match on the container's decoded, normalized path, so that encodings and path parameters cannot
        // slip a submission past its route.
        String path = decodedPath(request);
        // Security-critical: every part below reads and writes the request's own site only.
        Optional<FilterParts> site = sites.partsFor(request.getServerName());
        if (site.isEmpty()) {
            refuseUnknownHost(response);
            return;
        }
        FilterParts parts = site.get();
        for (Stage stage : stages) {
            if (stage.serve(parts, request, response, path, chain)) {
                return;
            }
        }
        parts.decorator.filter(request, response, parts.discoveryWatch.observing(chain, path, false));
    }

    /** No site serves this host name and {@code sites.default} is none: never another school's pages or data. */
    private static void refuseUnknownHost(HttpServletResponse response) throws IOException {
        response.setStatus(421);
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("421 Misdirected Request: no school site is served at this host name.\n"
                + "421 Misdirected Request: máy chủ không phục vụ trang trường nào ở tên miền này.\n");
    }

    private static boolean refuseTrace(FilterParts parts, HttpServletRequest request, HttpServletResponse response,
                                       String path, FilterChain chain) throws IOException {
        if (!request.getMethod().equals("TRACE")) {
            return false;
        }
        // HttpServlet echoes a TRACE request, cookies included, which cross-site tracing reads back.
        response.setHeader("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
        response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "TRACE is not allowed");
        return true;
    }

    /** A loopback replay runs down the whole chain (the application's mapping, security, rewrite filters). */
    private boolean replay(FilterParts parts, HttpServletRequest request, HttpServletResponse response, String path, FilterChain chain)
            throws IOException, ServletException {
        if (!IncomingReplay.claimsReplay(request)) {
            return false;
        }
        parts.incomingReplay.handle(request, response, path, (poster, res2) -> parts.decorator.filter(poster, res2, chain));
        return true;
    }

    private boolean console(FilterParts parts, HttpServletRequest request, HttpServletResponse response, String path, FilterChain chain)
            throws IOException {
        String consolePath = parts.config.console().path();
        if (!path.equals(consolePath) && !path.startsWith(consolePath + "/")) {
            return false;
        }
        parts.console.handle(request, response, path, parts.addresses.resolve(request).ip());
        return true;
    }

    /** A submission route: held and answered here, or (a trusted poster, a pass-through condition) on to the application. */
    private boolean submission(FilterParts parts, HttpServletRequest request, HttpServletResponse response, String path, FilterChain chain)
            throws IOException, ServletException {
        Optional<Route> route = parts.config.moderation().routeFor(request.getMethod(), path);
        if (route.isEmpty()) {
            return false;
        }
        SubmissionIntake.Result taken = parts.intake.take(request, route.get(), path);
        switch (taken.kind) {
            case PASSED -> parts.decorator.filter(taken.request, response, chain);
            case LIMITED -> parts.posterPages.limited(taken.request, response, taken.status, taken.retryAfterSeconds);
            case REFUSED -> parts.posterPages.refused(taken.request, response, taken.status, taken.message);
            case HELD -> parts.posterPages.accepted(taken.request, response, taken.submission);
            default -> throw new IllegalStateException("unknown intake result " + taken.kind);
        }
        return true;
    }

    private static String decodedPath(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? Http.pathInContext(request) : path;
    }

    @Override
    public void destroy() {
        if (sites != null) {
            sites.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    private static SchoolGuardConfig loadConfig(FilterConfig filterConfig) {
        ServletContext context = filterConfig.getServletContext();
        // Outside the web application (a redeploy must not wipe it), and one per application on a shared server.
        String application = context.getContextPath().isEmpty() ? "ROOT" : context.getContextPath().substring(1).replace('/', '#');
        SchoolGuardConfig.Builder builder = SchoolGuardConfig.builder()
                .defaultDataDir(Path.of(System.getProperty("user.home"), ".schoolguard", application));
        String file = firstNonBlank(filterConfig.getInitParameter("config-file"),
                context.getInitParameter("schoolguard.config"), System.getProperty("schoolguard.config"),
                System.getenv("SCHOOLGUARD_CONFIG"));
        if (file != null) {
            builder.properties(Path.of(file));
            LOG.info("SchoolGuard reads its settings from {}", file);
        } else {
            try (InputStream in = context.getResourceAsStream("/WEB-INF/schoolguard.properties")) {
                if (in != null) {
                    builder.properties(in);
                    LOG.info("SchoolGuard reads its settings from /WEB-INF/schoolguard.properties");
                }
            } catch (IOException e) {
                throw new ConfigException(List.of(new ConfigProblem("config-file",
                        "/WEB-INF/schoolguard.properties", "a readable properties file (" + e.getMessage() + ")")));
            }
        }
        Enumeration<String> names = filterConfig.getInitParameterNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            if (!name.equals("config-file")) {
                builder.set(name, filterConfig.getInitParameter(name));
            }
        }
        return builder.build();
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }
}
