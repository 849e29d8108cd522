package vn.schoolguard;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterConfig;

import vn.schoolguard.internal.account.AccountStore;
import vn.schoolguard.internal.account.Authenticator;
import vn.schoolguard.internal.account.PasswordHasher;
import vn.schoolguard.internal.account.SessionStore;

import vn.schoolguard.internal.alert.AlertChannel;
import vn.schoolguard.internal.alert.AlertSettings;
import vn.schoolguard.internal.alert.Alerts;
import vn.schoolguard.internal.alert.Deliveries;
import vn.schoolguard.internal.alert.HomePageWatch;
import vn.schoolguard.internal.alert.ImplantIncidents;
import vn.schoolguard.internal.alert.IpLogWatch;
import vn.schoolguard.internal.alert.QueueAgeWatch;
import vn.schoolguard.internal.delivery.SmtpChannel;
import vn.schoolguard.internal.delivery.WebhookChannel;
import vn.schoolguard.internal.housekeeping.Housekeeping;
import vn.schoolguard.internal.http.LoopbackHomePage;
import vn.schoolguard.internal.inject.InjectSettings;
import vn.schoolguard.internal.moderation.SubmissionQueries;
import vn.schoolguard.internal.store.JdbcHomeChecks;
import vn.schoolguard.internal.store.JdbcIncidentLog;
import vn.schoolguard.internal.web.ConsoleNotices;
import vn.schoolguard.internal.web.IncidentNotices;
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
import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.store.JdbcApprovedContent;
import vn.schoolguard.internal.store.JdbcDiscoveredForms;
import vn.schoolguard.internal.store.JdbcPublication;
import vn.schoolguard.internal.store.JdbcSpamMemory;
import vn.schoolguard.internal.store.JdbcSubmissionStore;
import vn.schoolguard.internal.store.JdbcAccountStore;
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

/**
 * One site's collaborators, built from its settings (the shared ones with the site's overlay) on the platform's
 * storage and scheduler; closed when the filter stops or the site's settings change. A per-site part is one more
 * {@code build...()} method here.
 */
final class FilterParts implements AutoCloseable {

    private static final Log LOG = Log.get(SchoolGuardFilter.class);

    final SchoolGuardConfig config;
    private final PlatformParts platform;
    private final Clock clock;
    private final Database database;
    private final Housekeeping housekeeping;
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
    private Alerts alerts;

    private FilterParts(PlatformParts platform, SchoolGuardConfig config) {
        this.platform = platform;
        this.config = config;
        this.clock = platform.clock;
        this.database = platform.database;
        this.housekeeping = platform.housekeeping;
    }

    /** Builds every part of one site; a failure closes what was built and stops with one clear message. */
    static FilterParts build(PlatformParts platform, SchoolGuardConfig config) {
        FilterParts parts = new FilterParts(platform, config);
        try {
            parts.buildStorage();
            parts.buildModeration();
            parts.buildIntake();
            parts.buildAlerts();
            parts.buildConsole();
            parts.retention = new Retention(parts.ipLog, config.ipLog(), parts.clock, parts.housekeeping);
        } catch (RuntimeException e) {
            parts.close();
            throw e;
        }
        return parts;
    }

    /** Builds the site at startup and says so in the log, as the one site of a single-site deployment always did. */
    static FilterParts start(PlatformParts platform, SchoolGuardConfig config, FilterConfig filterConfig) {
        FilterParts parts = build(platform, config);
        LOG.info("SchoolGuard started: data in {}, {} submission route(s) {}, console at {}{}, replay by {}",
                config.dataDir(), config.moderation().routes().size(),
                config.moderation().routes().stream().map(Route::describe).toList(),
                filterConfig.getServletContext().getContextPath(), config.console().path(),
                config.replay().mode().name().toLowerCase(Locale.ROOT)
                        + (config.replay().baseUrl() == null ? "" : " to " + config.replay().baseUrl()));
        return parts;
    }

    private void buildStorage() {
        ipLog = new IpLog(platform.ipLogStorage, config.siteKey(), clock);
        store = new JdbcSubmissionStore(database, TransactionLog.of(platform.ipLogStorage, ipLog));
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
        moderation.shareListeners(platform.listeners);
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
                decorator.decoration().decorationWarnings(), discovery,
                config.siteKey().equals(platform.config.siteKey()) ? platform.siteAdmin : null,
                new ConsoleServices.IncidentServices(alerts.log(), config.siteKey(),
                        new ConsoleNotices(List.of(new IncidentNotices(alerts.log(), config.siteKey(), clock)))),
                reports());
        console = new ConsoleRouter(services, replays, posterPages, new ConsolePages(services, replays));
    }

    /** Monthly reports and the dashboard, over every site the database holds; months in the site's zone. */
    private ConsoleServices.ReportServices reports() {
        return new ConsoleServices.ReportServices(new Reports(new JdbcReportQueries(database), new JdbcHomeChecks(database),
                new JdbcIncidentLog(database), config.ipLog().zone(), clock), config.siteKey());
    }

    /**
     * Incidents of the site, the watches that raise them and their delivery by mail and webhook: everything keyed by
     * the site, so that a filter serving several sites can build this once per site.
     */
    private void buildAlerts() {
        AlertSettings settings = config.alerts();
        List<AlertChannel> channels = new ArrayList<>();
        if (settings.mail().enabled()) {
            channels.add(new SmtpChannel(settings.mail(), settings.delivery().timeout(), clock));
        }
        if (settings.webhook().enabled()) {
            channels.add(new WebhookChannel(settings.webhook(), settings.delivery().timeout(), clock));
        }
        alerts = new Alerts(new JdbcIncidentLog(database), settings, config.ipLog().zone(), new Deliveries(channels,
                settings.delivery(), List.of(settings.mail().password(), settings.webhook().secret()), platform.alertSender), clock);
        String site = config.siteKey();
        decorator.decoration().alsoAlert(new ImplantIncidents(alerts, site));
        URI home = settings.selfCheck().url().orElse(config.replay().baseUrl() == null ? null
                : URI.create(config.replay().baseUrl() + "/"));
        if (settings.selfCheck().every() != null && home != null) {
            InjectSettings inject = config.inject();
            new HomePageWatch(alerts, new JdbcHomeChecks(database),
                    new LoopbackHomePage(home, settings.selfCheck().host(), settings.delivery().timeout()),
                    new HomePageWatch.Expected(inject.emc().siteId(), inject.emc().trackerHost(), inject.portal().url(),
                            inject.emc().fallbackLabel()), site, settings.selfCheck().every(), housekeeping);
        } else if (settings.selfCheck().every() != null) {
            LOG.info("Home-page self-check is off: set selfcheck.url (or replay.base-url) to have it run");
        }
        if (settings.verifyEvery() != null) {
            new IpLogWatch(alerts, ipLog, settings.verifyEvery(), housekeeping);
        }
        if (settings.queueMaxAge() != null) {
            new QueueAgeWatch(alerts, SubmissionQueries.of(moderation), site, settings.queueMaxAge(), housekeeping);
        }
        LOG.info("SchoolGuard alerts of site {}: {}", site, settings.sends() ? settings.describe() : "log and console only");
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
        if (alerts != null) {
            alerts.close();
        }
    }
}
