package vn.schoolguard.internal.web;

import java.util.List;

import vn.schoolguard.internal.web.WebRoute.Action;
import vn.schoolguard.internal.web.WebRoute.Who;

import static vn.schoolguard.internal.web.WebRoute.Guard.NONE;
import static vn.schoolguard.internal.web.WebRoute.Guard.SAME_ORIGIN;

/**
 * The console's and the API's route table: every page and endpoint with its method, the roles that may call it
 * and what a change must carry. Paths are under the console path; {@code (\d{1,18})} and the like are path groups.
 */
// Security-critical: adding a route here is the only way to serve one, and a route must say who may call it.
final class ConsoleRoutes {

    private static final String ID = "([0-9]{1,18})";
    private static final Who PUBLIC = Who.PUBLIC;
    private static final Who SIGNED_IN = Who.SIGNED_IN;
    private static final Who ADMIN = Who.anyOf("admin");
    private static final Who MODERATOR = Who.anyOf("moderator");
    private static final Who INVESTIGATOR = Who.anyOf("investigator");
    private static final Who READERS = Who.anyOf("moderator", "investigator");
    private static final Who BLOCKERS = Who.anyOf("moderator", "admin");
    private static final Who STAFF = Who.anyOf("moderator", "investigator", "admin");
    /** The site's own reports: its moderators and the department (admins have every role). */
    private static final Who REPORT_READERS = Who.anyOf("moderator", "department");
    /** Every site's figures: the department's read-only role and admins. */
    private static final Who DEPARTMENT = Who.anyOf("department", "admin");
    private static final String SEGMENT = "([^/]+)";

    private ConsoleRoutes() {
    }

    /**
     * The whole table; {@code receipt} answers the poster's receipt pages. Actions reach the pages and endpoints
     * only when they run, so the table can be walked without them.
     */
    static RouteTable table(ConsolePages pages, ConsoleApi api, boolean containerAccounts, Action receipt) {
        RouteTable.Builder table = RouteTable.builder();
        table.receipt(List.of("GET", "HEAD"), "/receipt.*", receipt);
        sessionPages(table, pages, containerAccounts);
        queuePages(table, pages);
        if (!containerAccounts) {
            accountPages(table, pages);
        }
        otherPages(table, pages);
        reports(table, pages, api);
        api(table, api);
        return table.build();
    }

    private static void sessionPages(RouteTable.Builder table, ConsolePages pages, boolean containerAccounts) {
        table.page("GET", "/assets/(.+)", PUBLIC, NONE, (ctx, path) -> pages.assets.serve(ctx.request, ctx.response, path.group(1)))
                .page("GET", "/lang", PUBLIC, NONE, (ctx, path) -> ConsoleSessionPages.language(ctx));
        if (containerAccounts) {
            table.page("GET", "/login", SIGNED_IN, NONE, (ctx, path) -> ConsoleSessionPages.home(ctx));
        } else {
            // No session yet, so no token: the guard refuses sign-in forms that the browser says come from another site.
            table.page("GET", "/login", PUBLIC, NONE, (ctx, path) -> pages.session.loginForm(ctx))
                    .page("POST", "/login", PUBLIC, SAME_ORIGIN, (ctx, path) -> pages.session.login(ctx));
        }
        table.page("GET", "/?", SIGNED_IN, NONE, (ctx, path) -> ConsoleSessionPages.home(ctx))
                .page("POST", "/logout", SIGNED_IN, SAME_ORIGIN, (ctx, path) -> pages.session.logout(ctx));
    }

    private static void queuePages(RouteTable.Builder table, ConsolePages pages) {
        table.page("GET", "/queue", READERS, NONE, (ctx, path) -> pages.queue.queue(ctx))
                .page("GET", "/history", READERS, NONE, (ctx, path) -> pages.queue.history(ctx))
                .page("POST", "/items/bulk", MODERATOR, SAME_ORIGIN, (ctx, path) -> pages.decisions.bulk(ctx))
                .page("GET", "/items/" + ID, READERS, NONE, (ctx, path) -> pages.item.item(ctx, Long.parseLong(path.group(1))))
                .page("POST", "/items/" + ID + "/(approve|reject|spam|edit)", MODERATOR, SAME_ORIGIN,
                        (ctx, path) -> pages.decisions.decide(ctx, Long.parseLong(path.group(1)), path.group(2)));
    }

    /** Changes that hand out access (a new account, a password, roles) ask for the admin's own password again. */
    private static void accountPages(RouteTable.Builder table, ConsolePages pages) {
        String name = "/accounts/([a-z0-9._-]{2,64})/";
        WebRoute.ReauthRefusal refuse = (ctx, status, message) -> pages.accounts.refuse(ctx, status, message);
        table.page("GET", "/accounts", ADMIN, NONE, (ctx, path) -> pages.accounts.list(ctx))
                .reauthPage("POST", "/accounts", ADMIN, refuse, (ctx, path) -> pages.accounts.create(ctx))
                .reauthPage("POST", name + "(password|roles)", ADMIN, refuse,
                        (ctx, path) -> pages.accounts.change(ctx, path.group(1), path.group(2)))
                .page("POST", name + "(disable|enable)", ADMIN, SAME_ORIGIN,
                        (ctx, path) -> pages.accounts.change(ctx, path.group(1), path.group(2)));
        // A new site hands out access too (its accounts, its settings): the same re-authentication.
        WebRoute.ReauthRefusal refuseSite = (ctx, status, message) -> pages.sites.refuse(ctx, status, message);
        table.page("GET", "/sites", ADMIN, NONE, (ctx, path) -> pages.sites.list(ctx))
                .reauthPage("POST", "/sites", ADMIN, refuseSite, (ctx, path) -> pages.sites.add(ctx));
    }

    private static void otherPages(RouteTable.Builder table, ConsolePages pages) {
        table.page("GET", "/iplog", INVESTIGATOR, NONE, (ctx, path) -> pages.ipLog.search(ctx))
                .page("GET", "/iplog/verify", INVESTIGATOR, NONE, (ctx, path) -> pages.ipLog.verify(ctx))
                .page("GET", "/iplog/audit", ADMIN, NONE, (ctx, path) -> pages.ipLog.audit(ctx))
                .page("GET", "/rules", READERS, NONE, (ctx, path) -> pages.rules.page(ctx))
                .page("POST", "/rules/recheck", MODERATOR, SAME_ORIGIN, (ctx, path) -> pages.rules.recheck(ctx))
                .page("GET", "/forms", ADMIN, NONE, (ctx, path) -> pages.forms.render(ctx))
                .page("POST", "/forms/forget", ADMIN, SAME_ORIGIN, (ctx, path) -> pages.forms.forget(ctx))
                .page("GET", "/blocks", READERS, NONE, (ctx, path) -> pages.blocks.list(ctx))
                .page("POST", "/blocks", MODERATOR, SAME_ORIGIN, (ctx, path) -> pages.blocks.add(ctx))
                .page("POST", "/blocks/" + ID + "/remove", MODERATOR, SAME_ORIGIN,
                        (ctx, path) -> pages.blocks.remove(ctx, path.group(1)));
    }

    /** Reads only: the department role approves, rejects, blocks and searches the IP log nowhere. */
    private static void reports(RouteTable.Builder table, ConsolePages pages, ConsoleApi api) {
        table.page("GET", "/reports", REPORT_READERS, NONE, (ctx, path) -> pages.reports.reports(ctx))
                .page("GET", "/department", DEPARTMENT, NONE, (ctx, path) -> pages.reports.dashboard(ctx))
                .page("GET", "/department/sites/" + SEGMENT, DEPARTMENT, NONE,
                        (ctx, path) -> pages.reports.site(ctx, path.group(1)))
                .api("GET", "/api/reports/" + SEGMENT, REPORT_READERS, NONE, (ctx, path) -> api.reports.site(ctx, path.group(1)))
                .api("GET", "/api/department/reports/" + SEGMENT, DEPARTMENT, NONE,
                        (ctx, path) -> api.reports.department(ctx, path.group(1)))
                .api("GET", "/api/department/sites", DEPARTMENT, NONE, (ctx, path) -> api.reports.sites(ctx))
                .api("GET", "/api/department/sites/" + SEGMENT + "/reports/" + SEGMENT, DEPARTMENT, NONE,
                        (ctx, path) -> api.reports.siteForDepartment(ctx, path.group(1), path.group(2)));
    }

    private static void api(RouteTable.Builder table, ConsoleApi api) {
        table.api("GET", "/api/submissions", READERS, NONE, (ctx, path) -> api.submissions.list(ctx))
                .api("POST", "/api/submissions/bulk", MODERATOR, SAME_ORIGIN, (ctx, path) -> api.submissions.bulk(ctx))
                .api("GET", "/api/submissions/" + ID, READERS, NONE, (ctx, path) -> api.submissions.item(ctx, path.group(1)))
                .api("POST", "/api/submissions/" + ID + "/(approve|reject|spam)", MODERATOR, SAME_ORIGIN,
                        (ctx, path) -> api.submissions.decide(ctx, Long.parseLong(path.group(1)), path.group(2)))
                .api("GET", "/api/decisions", READERS, NONE, (ctx, path) -> api.submissions.decisions(ctx))
                .api("GET", "/api/iplog", INVESTIGATOR, NONE, (ctx, path) -> api.ipLog.search(ctx))
                .api("GET", "/api/iplog/proof", INVESTIGATOR, NONE, (ctx, path) -> api.ipLog.proof(ctx))
                .api("GET", "/api/iplog/verify", INVESTIGATOR, NONE, (ctx, path) -> api.ipLog.verify(ctx))
                .api("GET", "/api/iplog/audit", ADMIN, NONE, (ctx, path) -> api.ipLog.audit(ctx))
                .api("GET", "/api/blocks", BLOCKERS, NONE, (ctx, path) -> api.blocks.list(ctx))
                .api("POST", "/api/blocks", BLOCKERS, SAME_ORIGIN, (ctx, path) -> api.blocks.add(ctx))
                .api("GET", "/api/blocks/" + ID, BLOCKERS, NONE, (ctx, path) -> api.blocks.find(ctx, path.group(1)))
                .api("DELETE", "/api/blocks/" + ID, BLOCKERS, SAME_ORIGIN, (ctx, path) -> api.blocks.remove(ctx, path.group(1)))
                .api("GET", "/api/incidents", STAFF, NONE, (ctx, path) -> api.incidents.list(ctx))
                .api("GET", "/api/rules", READERS, NONE, (ctx, path) -> api.rules.stats(ctx))
                .api("POST", "/api/rules/recheck", MODERATOR, SAME_ORIGIN, (ctx, path) -> api.rules.recheck(ctx));
    }
}
