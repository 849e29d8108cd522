package vn.schoolguard;

import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;

import vn.schoolguard.account.AccountStore;
import vn.schoolguard.account.Authenticator;
import vn.schoolguard.account.PasswordHasher;
import vn.schoolguard.account.SessionStore;

import vn.schoolguard.housekeeping.Housekeeping;
import vn.schoolguard.discovery.RouteDiscovery;
import vn.schoolguard.http.ClientAddressResolver;
import vn.schoolguard.http.DiscoveryWatch;
import vn.schoolguard.http.IncomingReplay;
import vn.schoolguard.http.ServletReplays;
import vn.schoolguard.http.SubmissionIntake;
import vn.schoolguard.http.page.PageDecorator;
import vn.schoolguard.inject.PageDecoration;
import vn.schoolguard.iplog.IpLog;
import vn.schoolguard.iplog.IpLogExport;
import vn.schoolguard.iplog.Retention;
import vn.schoolguard.log.Log;
import vn.schoolguard.moderation.Moderation;
import vn.schoolguard.moderation.PublicationSettings;
import vn.schoolguard.moderation.ReplayTokens;
import vn.schoolguard.moderation.Route;
import vn.schoolguard.moderation.RuleReview;
import vn.schoolguard.moderation.SubmissionCapture;
import vn.schoolguard.ratelimit.SubmissionGate;
import vn.schoolguard.spam.SpamImplantRules;
import vn.schoolguard.spam.SpamScorer;
import vn.schoolguard.db.DataDirectory;
import vn.schoolguard.db.Database;
import vn.schoolguard.store.JdbcApprovedContent;
import vn.schoolguard.store.JdbcDiscoveredForms;
import vn.schoolguard.store.JdbcPublication;
import vn.schoolguard.store.JdbcSpamMemory;
import vn.schoolguard.store.JdbcSubmissionStore;
import vn.schoolguard.db.StoreException;
import vn.schoolguard.store.JdbcAccountStore;
import vn.schoolguard.store.JdbcIpLogStorage;
import vn.schoolguard.store.JdbcRateLimitStorage;
import vn.schoolguard.store.JdbcSessionStore;
import vn.schoolguard.store.JdbcSiteLearningStore;
import vn.schoolguard.store.TransactionLog;
import vn.schoolguard.web.ConsoleAccess;
import vn.schoolguard.web.ConsolePages;
import vn.schoolguard.web.ConsoleRouter;
import vn.schoolguard.web.ConsoleServices;
import vn.schoolguard.web.PosterPages;

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
                decorator.decoration().decorationWarnings(), discovery);
        console = new ConsoleRouter(services, replays, posterPages, new ConsolePages(services, replays));
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
