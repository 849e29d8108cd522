package vn.schoolguard.internal.web;

import vn.schoolguard.internal.http.ServletReplays;

import vn.schoolguard.internal.moderation.SubmissionQueries;

/**
 * The browser console: server-rendered HTML pages for signing in, the moderation queue, a submission's
 * detail and decisions, the decision history and (for admins) the accounts. Works without JavaScript and
 * without internet access; the {@link ConsoleRoutes route table} checks every page's role and every POST's
 * CSRF token.
 *
 * <p>Pages under the console path ({@code console.path}, default {@code /_schoolguard}):
 * {@code /login}, {@code /logout} (POST), {@code /queue}, {@code /items/{id}} with
 * {@code /items/{id}/approve|reject|spam|edit} (POST), {@code /items/bulk} (POST), {@code /history},
 * {@code /accounts} (admin), {@code /iplog}, {@code /iplog/verify} (investigator), {@code /iplog/audit} (admin),
 * {@code /blocks} (the block list), {@code /rules} (spam rule statistics and re-check), {@code /forms} (unguarded forms, admin),
 * {@code /sites} (the platform's sites, admin of the platform's own site), {@code /reports} (monthly reports),
 * {@code /department} and {@code /department/sites/{key}} (the department dashboard), {@code /lang?to=vi|en} and
 * {@code /assets/...}.
 *
 * <p>Thread-safe; one instance serves all requests.
 */
public final class ConsolePages {

    final ConsoleView view = new ConsoleView();
    final ConsoleAssets assets = new ConsoleAssets();
    final ConsoleSessionPages session;
    final ConsoleQueuePages queue;
    final ConsoleItemPage item;
    final ConsoleDecisionPages decisions;
    final ConsoleAccountPages accounts;
    final ConsoleIpLogPages ipLog;
    final ConsoleBlockPages blocks;
    final ConsoleRulePages rules;
    final ConsoleFormPages forms;
    final ConsoleSitePages sites;
    final ConsoleNotices notices;
    final ConsoleReportPages reports;

    /** @param replays how approvals made here reach the application */
    public ConsolePages(ConsoleServices services, ServletReplays replays) {
        SubmissionQueries queries = services.queries();
        ConsoleRows rows = new ConsoleRows(services.moderationSettings(), services.moderation());
        this.session = new ConsoleSessionPages(services.access());
        this.queue = new ConsoleQueuePages(rows, services.moderation(), queries, services.pages().decorationWarnings());
        this.item = new ConsoleItemPage(rows, queries);
        this.decisions = new ConsoleDecisionPages(services.moderation(), replays);
        this.accounts = new ConsoleAccountPages(services.accounts(), services.clock());
        this.ipLog = new ConsoleIpLogPages(services.ipLog().log());
        this.blocks = new ConsoleBlockPages(services.blocks(), new BlockRequests(queries), services.clock());
        this.rules = new ConsoleRulePages(services.rules());
        this.forms = new ConsoleFormPages(services.pages().discovery());
        this.sites = new ConsoleSitePages(services.sites());
        this.notices = services.incidents().notices();
        this.reports = new ConsoleReportPages(services.reports());
    }
}
