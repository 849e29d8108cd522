package vn.schoolguard;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
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

import vn.schoolguard.log.Log;

import vn.schoolguard.account.AccountStore;
import vn.schoolguard.account.Authenticator;
import vn.schoolguard.account.PasswordHasher;
import vn.schoolguard.account.SessionStore;
import vn.schoolguard.config.ConfigException;
import vn.schoolguard.config.SchoolGuardConfig;
import vn.schoolguard.store.JdbcDiscoveredForms;
import vn.schoolguard.discovery.RouteDiscovery;
import vn.schoolguard.inject.PageDecorator;
import vn.schoolguard.iplog.IpLog;
import vn.schoolguard.iplog.IpLogExport;
import vn.schoolguard.iplog.Outcome;
import vn.schoolguard.iplog.Retention;
import vn.schoolguard.moderation.ApprovalListener;
import vn.schoolguard.moderation.BadSubmission;
import vn.schoolguard.moderation.IncomingReplay;
import vn.schoolguard.moderation.Moderation;
import vn.schoolguard.moderation.PublicationSettings;
import vn.schoolguard.moderation.ReplayTokens;
import vn.schoolguard.moderation.Route;
import vn.schoolguard.moderation.RouteAdmission;
import vn.schoolguard.moderation.SignedInUsers;
import vn.schoolguard.moderation.RuleReview;
import vn.schoolguard.moderation.Submission;
import vn.schoolguard.moderation.SubmissionCapture;
import vn.schoolguard.net.ClientAddress;
import vn.schoolguard.net.ClientAddressResolver;
import vn.schoolguard.ratelimit.SubmissionGate;
import vn.schoolguard.spam.SpamImplantRules;
import vn.schoolguard.spam.SpamScorer;
import vn.schoolguard.store.DataDirectory;
import vn.schoolguard.store.Database;
import vn.schoolguard.store.JdbcApprovedContent;
import vn.schoolguard.store.JdbcPublication;
import vn.schoolguard.store.JdbcSiteLearningStore;
import vn.schoolguard.store.JdbcSpamMemory;
import vn.schoolguard.store.JdbcSubmissionStore;
import vn.schoolguard.store.StoreException;
import vn.schoolguard.web.ConsoleAccess;
import vn.schoolguard.web.ConsolePages;
import vn.schoolguard.web.ConsoleServices;
import vn.schoolguard.web.ConsoleRouter;
import vn.schoolguard.web.Http;
import vn.schoolguard.web.PosterPages;

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

    private static final Log LOG = Log.get(SchoolGuardFilter.class);
    private static final String FILTERED = SchoolGuardFilter.class.getName() + ".FILTERED";

    private SchoolGuardConfig config;
    private DataDirectory dataDirectory;
    private Database database;
    private Moderation moderation;
    private SubmissionCapture capture;
    private ClientAddressResolver addresses;
    private ConsoleRouter console;
    private PosterPages posterPages;
    private PageDecorator decorator;
    private IpLog ipLog;
    private Retention retention;
    private SubmissionGate gate;
    private IncomingReplay incomingReplay;
    private RouteAdmission admission;
    private RouteDiscovery discovery;

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
        try {
            config = loadConfig(filterConfig);
        } catch (ConfigException e) {
            LOG.error("SchoolGuard cannot start. {}", e.getMessage());
            throw new ServletException(e.getMessage(), e);
        }
        try {
            dataDirectory = DataDirectory.open(config.dataDir());
        } catch (IOException e) {
            throw new ServletException("SchoolGuard cannot create its data directory " + config.dataDir()
                    + " (setting data.dir): " + e.getMessage(), e);
        }
        try {
            database = Database.open(config.store());
            dataDirectory.tightenNow();
        } catch (StoreException e) {
            LOG.error("SchoolGuard cannot start: {}", e.getMessage());
            throw new ServletException(e.getMessage(), e);
        }
        Clock clock = Clock.systemUTC();
        JdbcSubmissionStore store = new JdbcSubmissionStore(database);
        PublicationSettings publication = config.publication();
        decorator = new PageDecorator(config.inject(), new SpamImplantRules(config.spam()),
                new JdbcApprovedContent(database, config.siteKey()), clock,
                publication.watch() ? new JdbcPublication(database, config.siteKey(), config.moderation().routes()) : null,
                publication.watchFor(), publication.pagesPerMinute());
        // One key per filter instance: only this application's own filter can redeem the tokens it issues.
        ReplayTokens tokens = new ReplayTokens(clock, config.replay().tokenLifetime());
        moderation = new Moderation(store, config.moderation(), config.replay(), tokens, config.siteKey(), clock, publication,
                decorator::publicationChanged);
        moderation.releaseStaleReplays();
        ipLog = new IpLog(database, config.siteKey(), clock);
        incomingReplay = new IncomingReplay(config.replay(), tokens, config.moderation(), ipLog);
        SpamScorer scorer = SpamScorer.create(config.spam(), new JdbcSpamMemory(database, config.siteKey()))
                .withSiteLearning(new JdbcSiteLearningStore(database, config.siteKey()));
        moderation.learnFrom(scorer::learn);
        capture = new SubmissionCapture(config.moderation(), config.replay(), scorer, config.spam().honeypotField(), store,
                ipLog, config.siteKey(), clock);
        addresses = new ClientAddressResolver(config.proxies());
        admission = new RouteAdmission(config.moderation(), new SignedInUsers(config.moderation(), config.proxies()));
        discovery = RouteDiscovery.start(config.discovery(), config.moderation(), new JdbcDiscoveredForms(database, config.siteKey()), clock);
        gate = SubmissionGate.create(config.rateLimit(), database, config.siteKey(), clock);
        AccountStore accounts = new AccountStore(database, config.siteKey());
        PasswordHasher hasher = new PasswordHasher(config.console().passwordIterations());
        Authenticator authenticator = new Authenticator(accounts, hasher, config.console(), clock);
        authenticator.seed();
        SessionStore sessions = new SessionStore(database, config.siteKey(), config.console().sessionIdle(), config.console().sessionMax());
        ConsoleAccess access = new ConsoleAccess(config.console(), config.proxies(), authenticator, accounts, sessions, clock);
        posterPages = new PosterPages(config.console().path(), config.ipLog().zone());
        RuleReview rules = new RuleReview(store, config.moderation(), scorer, config.spam().honeypotField(), config.siteKey(), clock);
        ConsoleServices services = new ConsoleServices(config.console(), config.moderation(), access, moderation, accounts,
                hasher, sessions, ipLog, new IpLogExport(ipLog, config.ipLog().zone()), gate.blockList(), rules, clock,
                decorator.decorationWarnings(), discovery);
        console = new ConsoleRouter(services, posterPages, new ConsolePages(services));
        retention = new Retention(ipLog, config.ipLog(), clock);
        filterConfig.getServletContext().setAttribute(LISTENERS_ATTRIBUTE, moderation.listeners());
        LOG.info("SchoolGuard started: data in {}, {} submission route(s) {}, console at {}{}, replay by {}",
                config.dataDir(), config.moderation().routes().size(),
                config.moderation().routes().stream().map(Route::describe).toList(),
                filterConfig.getServletContext().getContextPath(), config.console().path(),
                config.replay().mode().name().toLowerCase(java.util.Locale.ROOT)
                        + (config.replay().baseUrl() == null ? "" : " to " + config.replay().baseUrl()));
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)
                || request.getDispatcherType() != DispatcherType.REQUEST || request.getAttribute(FILTERED) != null) {
            chain.doFilter(req, res);
            return;
        }
        request.setAttribute(FILTERED, Boolean.TRUE);
        if (request.getMethod().equals("TRACE")) {
            // HttpServlet echoes a TRACE request, cookies included, which cross-site tracing reads back.
            response.setHeader("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED, "TRACE is not allowed");
            return;
        }
        String consolePath = config.console().path();
        // Match on the container's decoded, normalized path, so that encodings and path parameters cannot
        // slip a submission past its route.
        String path = decodedPath(request);
        if (IncomingReplay.claimsReplay(request)) {
            // Before anything else: a verified replay is the poster's post, approved; it is not held, limited or
            // logged again, and runs down the whole chain (the application's mapping, security, rewrite filters).
            incomingReplay.handle(request, response, path, (poster, res2) -> decorator.filter(poster, res2, chain));
            return;
        }
        if (path.equals(consolePath) || path.startsWith(consolePath + "/")) {
            console.handle(request, response, path, addresses.resolve(request).ip());
            return;
        }
        Optional<Route> route = config.moderation().routeFor(request.getMethod(), path);
        HttpServletRequest forApp = request;
        if (route.isPresent()) {
            RouteAdmission.Decision decision = admission.decide(request, route.get());
            if (decision.hold()) {
                hold(decision.poster(), response, route.get(), path);
                return;
            }
            try {
                capture.logAttempt(decision.poster(), route.get(), path, addresses.resolve(request), Outcome.BYPASSED,
                        decision.reason());
            } catch (StoreException e) {
                // Even trusted posts must leave an IP log entry; without the database they wait.
                LOG.error("Trusted post on route {} refused: the IP log is unavailable", route.get().name(), e);
                posterPages.refused(request, response, 503, e.getMessage());
                return;
            }
            forApp = decision.forApp();
        }
        decorator.filter(forApp, response, discovery.observing(chain, path, route.isPresent()));
    }

    private void hold(HttpServletRequest request, HttpServletResponse response, Route route, String path) throws IOException {
        ClientAddress client = addresses.resolve(request);
        // Blocks and rate limits come first, before the body is read, so that refusing a flood stays cheap.
        Optional<SubmissionGate.Refusal> refusal = gate.check(route.name(), client, request.getRemoteUser(),
                (outcome, detail) -> capture.logAttempt(request, route, path, client, outcome, detail));
        if (refusal.isPresent()) {
            posterPages.limited(request, response, refusal.get().kind().status(), refusal.get().retryAfterSeconds());
            return;
        }
        try {
            Submission submission = capture.capture(request, route, path, client);
            LOG.debug("Held submission {} on route {} from {}:{}", submission.id(), route.name(), client.ip(), client.port());
            posterPages.accepted(request, response, submission);
        } catch (BadSubmission e) {
            posterPages.refused(request, response, e.status(), e.getMessage());
        } catch (StoreException e) {
            LOG.error("Submission on route {} from {} refused: the database is unavailable", route.name(), client.ip(), e);
            posterPages.refused(request, response, 503, e.getMessage());
        }
    }

    private static String decodedPath(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? Http.pathInContext(request) : path;
    }

    @Override
    public void destroy() {
        if (gate != null) {
            gate.close();
        }
        if (discovery != null) {
            discovery.close();
        }
        if (retention != null) {
            retention.close();
        }
        if (decorator != null) {
            decorator.close();
        }
        if (dataDirectory != null) {
            dataDirectory.close();
        }
        if (database != null) {
            database.close();
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
                throw new ConfigException(List.of(new vn.schoolguard.config.ConfigProblem("config-file",
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
