package vn.schoolguard;

import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;

import vn.schoolguard.internal.account.AccountStore;
import vn.schoolguard.internal.account.Authenticator;
import vn.schoolguard.internal.account.PasswordHasher;
import vn.schoolguard.internal.account.SessionStore;

import vn.schoolguard.internal.housekeeping.Housekeeping;
import vn.schoolguard.internal.discovery.RouteDiscovery;
import vn.schoolguard.internal.http.ClientAddressResolver;
import vn.schoolguard.internal.http.DiscoveryWatch;
import vn.schoolguard.internal.http.IncomingReplay;
import vn.schoolguard.internal.http.ServletReplays;
import vn.schoolguard.internal.http.SubmissionIntake;
import vn.schoolguard.internal.http.page.PageDecorator;
import vn.schoolguard.internal.inject.PageDecoration;
import vn.schoolguard.internal.iplog.IpLog;
import vn.schoolguard.internal.iplog.IpLogExport;
import vn.schoolguard.internal.iplog.Retention;
import vn.schoolguard.internal.log.Log;
import vn.schoolguard.internal.moderation.Moderation;
import vn.schoolguard.internal.moderation.PublicationSettings;
import vn.schoolguard.internal.moderation.ReplayTokens;
import vn.schoolguard.internal.moderation.Route;
import vn.schoolguard.internal.moderation.RuleReview;
import vn.schoolguard.internal.moderation.SubmissionCapture;
import vn.schoolguard.internal.ratelimit.SubmissionGate;
import vn.schoolguard.internal.spam.SpamImplantRules;
import vn.schoolguard.internal.spam.SpamScorer;
import vn.schoolguard.internal.db.DataDirectory;
import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.store.JdbcApprovedContent;
import vn.schoolguard.internal.store.JdbcDiscoveredForms;
import vn.schoolguard.internal.store.JdbcPublication;
import vn.schoolguard.internal.store.JdbcSpamMemory;
import vn.schoolguard.internal.store.JdbcSubmissionStore;
import vn.schoolguard.internal.db.StoreException;
import vn.schoolguard.internal.store.JdbcAccountStore;
import vn.schoolguard.internal.store.JdbcIpLogStorage;
import vn.schoolguard.internal.store.JdbcRateLimitStorage;
import vn.schoolguard.internal.store.JdbcSessionStore;
import vn.schoolguard.internal.store.JdbcHomeChecks;
import vn.schoolguard.internal.store.JdbcIncidentLog;
import vn.schoolguard.internal.store.JdbcReportQueries;
import vn.schoolguard.internal.report.Reports;
import vn.schoolguard.internal.store.JdbcSiteLearningStore;
import vn.schoolguard.internal.store.TransactionLog;
import vn.schoolguard.internal.web.ConsoleAccess;
import vn.schoolguard.internal.web.ConsolePages;
import vn.schoolguard.internal.web.ConsoleRouter;
import vn.schoolguard.internal.web.ConsoleServices;
import vn.schoolguard.internal.web.PosterPages;

/** The filter's collaborators, built once from its settings at startup and closed at shutdown. */
final class FilterParts implements AutoCloseable {

    private static final Log LOG = Log.get(SchoolGuardFilter.class);

    final SchoolGuardConfig config;
    private final Clock clock = Clock.systemUTC();
    private DataDirectory dataDirectory;
    private Database database;
    private JdbcSubmissionStore store;
    PageDecorator decorator;
    Moderation moderation;
    IpLog ipLog;
    IncomingReplay incomingReplay;
    ClientAddressResolver addresses;
    SubmissionIntake intake;
    DiscoveryWatch discoveryWatch;
    ConsoleRouter console;
    PosterPages posterPages;
    private SpamScorer scorer;
    private ServletReplays replays;
    private SubmissionGate gate;
    private RouteDiscovery discovery;
    private Retention retention;

    private final Housekeeping housekeeping;

    private FilterParts(SchoolGuardConfig config, Housekeeping housekeeping) {
        this.config = config;
        this.housekeeping = housekeeping;
    }

    /** Opens the data directory and the database, then builds every part; stops startup with one clear message. */
    static FilterParts start(SchoolGuardConfig config, FilterConfig filterConfig) throws ServletException {
        Object hostScheduler = filterConfig.getServletContext().getAttribute(SchoolGuardFilter.HOUSEKEEPING_ATTRIBUTE);
        FilterParts parts = new FilterParts(config, hostScheduler instanceof ScheduledExecutorService scheduler
                ? Housekeeping.on(scheduler) : Housekeeping.ownThread());
        parts.openStorage();
        parts.buildModeration();
        parts.buildIntake();
        parts.buildConsole();
        parts.retention = new Retention(parts.ipLog, config.ipLog(), parts.clock, parts.housekeeping);
        filterConfig.getServletContext().setAttribute(SchoolGuardFilter.LISTENERS_ATTRIBUTE, parts.moderation.listeners());
        LOG.info("SchoolGuard started: data in {}, {} submission route(s) {}, console at {}{}, replay by {}",
                config.dataDir(), config.moderation().routes().size(),
                config.moderation().routes().stream().map(Route::describe).toList(),
                filterConfig.getServletContext().getContextPath(), config.console().path(),
                config.replay().mode().name().toLowerCase(Locale.ROOT)
                        + (config.replay().baseUrl() == null ? "" : " to " + config.replay().baseUrl()));
        return parts;
    }

    private void openStorage() throws ServletException {
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
        JdbcIpLogStorage ipLogStorage = new JdbcIpLogStorage(database);
        ipLog = new IpLog(ipLogStorage, config.siteKey(), clock);
        store = new JdbcSubmissionStore(database, TransactionLog.of(ipLogStorage, ipLog));
    }

    private void buildModeration() {
        PublicationSettings publication = config.publication();
        decorator = new PageDecorator(new PageDecoration(config.inject(), new SpamImplantRules(config.spam()),
                new JdbcApprovedContent(database, config.siteKey()), clock,
                publication.watch() ? new JdbcPublication(database, config.siteKey(), config.moderation().routes()) : null,
                publication.watchFor(), publication.pagesPerMinute()));
        // One key per filter instance: only this application's own filter can redeem the tokens it issues.
        ReplayTokens tokens = new ReplayTokens(clock, config.replay().tokenLifetime());
        replays = new ServletReplays(config.replay(), tokens);
        moderation = new Moderation(store, config.moderation(), config.siteKey(), clock, publication,
                decorator.decoration()::publicationChanged);
        moderation.releaseStaleReplays();
        incomingReplay = new IncomingReplay(config.replay(), tokens, config.moderation(), ipLog);
    }

    private void buildIntake() {
        scorer = SpamScorer.create(config.spam(), new JdbcSpamMemory(database, config.siteKey()))
                .withSiteLearning(new JdbcSiteLearningStore(database, config.siteKey()));
        moderation.learnFrom(scorer::learn);
        SubmissionCapture capture = new SubmissionCapture(config.moderation(), scorer, config.spam().honeypotField(),
                store, ipLog, config.siteKey(), clock);
        addresses = new ClientAddressResolver(config.proxies());
        discovery = RouteDiscovery.start(config.discovery(), config.moderation().routes(),
                new JdbcDiscoveredForms(database, config.siteKey()), clock, housekeeping);
        discoveryWatch = new DiscoveryWatch(discovery);
        gate = SubmissionGate.create(config.rateLimit(), new JdbcRateLimitStorage(database), config.siteKey(), clock, housekeeping);
        intake = new SubmissionIntake(config.moderation(), config.replay(), config.proxies(), addresses, gate, capture);
    }

    private void buildConsole() {
        AccountStore accounts = new JdbcAccountStore(database, config.siteKey());
        PasswordHasher hasher = new PasswordHasher(config.console().passwordIterations());
        Authenticator authenticator = new Authenticator(accounts, hasher, config.console().accounts(), clock);
        authenticator.seed();
        SessionStore sessions = new JdbcSessionStore(database, config.siteKey(), config.console().sessionIdle(),
                config.console().sessionMax());
        ConsoleAccess access = new ConsoleAccess(config.console(), config.proxies(), authenticator, accounts, sessions, clock);
        posterPages = new PosterPages(config.console().path(), config.ipLog().zone());
        RuleReview rules = new RuleReview(store, config.moderation(), scorer, config.spam().honeypotField(),
                config.siteKey(), clock);
        ConsoleServices services = new ConsoleServices(config.console(), config.moderation(), access, moderation, accounts,
                hasher, sessions, ipLog, new IpLogExport(ipLog, config.ipLog().zone()), gate.blockList(), rules, clock,
                decorator.decoration().decorationWarnings(), discovery, reports());
        console = new ConsoleRouter(services, replays, posterPages, new ConsolePages(services, replays));
    }

    /** Monthly reports and the dashboard, over every site the database holds; months in the site's zone. */
    private ConsoleServices.ReportServices reports() {
        return new ConsoleServices.ReportServices(new Reports(new JdbcReportQueries(database), new JdbcHomeChecks(database),
                new JdbcIncidentLog(database), config.ipLog().zone(), clock), config.siteKey());
    }

    @Override
    public void close() {
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
            decorator.decoration().close();
        }
        housekeeping.close();
        if (dataDirectory != null) {
            dataDirectory.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
