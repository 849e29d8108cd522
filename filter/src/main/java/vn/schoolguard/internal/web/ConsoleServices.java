package vn.schoolguard.internal.web;

import java.time.Clock;

import vn.schoolguard.internal.account.AccountStore;
import vn.schoolguard.internal.account.PasswordHasher;
import vn.schoolguard.internal.account.SessionStore;
import vn.schoolguard.internal.discovery.RouteDiscovery;
import vn.schoolguard.internal.incident.IncidentLog;
import vn.schoolguard.internal.inject.DecorationWarnings;
import vn.schoolguard.internal.iplog.IpLog;
import vn.schoolguard.internal.iplog.IpLogExport;
import vn.schoolguard.internal.moderation.Moderation;
import vn.schoolguard.internal.moderation.ModerationSettings;
import vn.schoolguard.internal.moderation.RuleReview;
import vn.schoolguard.internal.moderation.SubmissionQueries;
import vn.schoolguard.internal.ratelimit.BlockList;
import vn.schoolguard.internal.report.Reports;

/**
 * What the console and the REST API work with, built once by the filter.
 *
 * @param settings           console path and account source
 * @param moderationSettings the routes, for labels and field roles
 * @param access             sign-in, sessions and CSRF checks
 * @param moderation         the queue and decisions
 * @param accounts           built-in accounts, their password hashing and sessions
 * @param ipLog              the IP log and its export, for investigators
 * @param blocks             the block list
 * @param rules              per-rule statistics and the re-check of approved content
 * @param clock              the time of changes
 * @param pages              what is known of the site's pages: policies that stop the tracker, unguarded forms
 * @param sites              the platform's sites, on the platform's own site only; null elsewhere
 * @param oversight          what the site and the department are told: incidents, monthly reports, the dashboard
 */
public record ConsoleServices(ConsoleSettings settings, ModerationSettings moderationSettings, ConsoleAccess access,
                              Moderation moderation, AccountServices accounts, IpLogServices ipLog, BlockList blocks,
                              RuleReview rules, Clock clock, PageServices pages, SiteAdmin sites, OversightServices oversight) {

    /**
     * @param decorationWarnings pages whose own Content-Security-Policy stops the inserted EMC tracker
     * @param discovery          forms the application takes at paths no route guards; null when not running
     */
    public record PageServices(DecorationWarnings decorationWarnings, RouteDiscovery discovery) {
    }

    /**
     * @param incidents the site's incidents and the notices above every page
     * @param reports   monthly reports and the department dashboard
     */
    public record OversightServices(IncidentServices incidents, ReportServices reports) {
    }

    /**
     * @param reports the reports of every site in the store
     * @param siteKey the site this console serves, whose own reports its moderators read
     */
    public record ReportServices(Reports reports, String siteKey) {
    }

    /**
     * @param log     the incidents
     * @param siteKey the site whose incidents the console shows
     * @param notices what every page shows above its content
     */
    public record IncidentServices(IncidentLog log, String siteKey, ConsoleNotices notices) {
    }

    /**
     * @param store    built-in accounts
     * @param hasher   hashes passwords set in the console
     * @param sessions console sessions, ended when an account changes
     */
    public record AccountServices(AccountStore store, PasswordHasher hasher, SessionStore sessions) {
    }

    /**
     * @param log    the IP log
     * @param export its CSV/JSON export
     */
    public record IpLogServices(IpLog log, IpLogExport export) {
    }

    /** Services from their parts, as the filter builds them. */
    public ConsoleServices(ConsoleSettings settings, ModerationSettings moderationSettings, ConsoleAccess access,
                           Moderation moderation, AccountStore accounts, PasswordHasher hasher, SessionStore sessions,
                           IpLog ipLog, IpLogExport ipLogExport, BlockList blocks, RuleReview rules, Clock clock,
                           DecorationWarnings decorationWarnings, RouteDiscovery discovery, SiteAdmin sites,
                           IncidentServices incidents, ReportServices reports) {
        this(settings, moderationSettings, access, moderation, new AccountServices(accounts, hasher, sessions),
                new IpLogServices(ipLog, ipLogExport), blocks, rules, clock, new PageServices(decorationWarnings, discovery),
                sites, new OversightServices(incidents, reports));
    }

    /** The site's incidents and the notices above every page. */
    public IncidentServices incidents() {
        return oversight.incidents();
    }

    /** Monthly reports and the department dashboard. */
    public ReportServices reports() {
        return oversight.reports();
    }

    /** The read side of moderation that pages and the API look things up in. */
    public SubmissionQueries queries() {
        return SubmissionQueries.of(moderation);
    }
}
