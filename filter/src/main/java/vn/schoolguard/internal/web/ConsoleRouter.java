package vn.schoolguard.internal.web;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.schoolguard.internal.http.ServletReplays;
import vn.schoolguard.internal.log.Log;

import vn.schoolguard.internal.account.Authenticator;
import vn.schoolguard.internal.account.ConsoleUser;
import vn.schoolguard.internal.moderation.ModerationSettings;
import vn.schoolguard.internal.moderation.Submission;
import vn.schoolguard.internal.moderation.SubmissionQueries;
import vn.schoolguard.internal.db.StoreException;
import vn.schoolguard.internal.web.WebRoute.Surface;

/**
 * Everything under the console path: the poster's receipt pages (public), the REST API and the
 * moderator/investigator console (signed in).
 */
public final class ConsoleRouter {

    private static final Log LOG = Log.get(ConsoleRouter.class);
    /** The caller of a public form: no session yet, so no token; only the origin checks apply. */
    private static final ConsoleAccess.Caller NOBODY =
            new ConsoleAccess.Caller(new ConsoleUser("", java.util.Set.of(), false), Optional.empty(), false);

    private final ConsoleSettings settings;
    private final ModerationSettings moderationSettings;
    private final SubmissionQueries queries;
    private final ConsoleAccess access;
    private final PosterPages posterPages;
    private final ConsolePages pages;
    private final RouteTable table;
    private final Refusals refusals;

    /** @param replays how approvals made in the console and the API are replayed to the application */
    public ConsoleRouter(ConsoleServices services, ServletReplays replays, PosterPages posterPages, ConsolePages pages) {
        this.settings = services.settings();
        this.moderationSettings = services.moderationSettings();
        this.queries = services.queries();
        this.access = services.access();
        this.posterPages = posterPages;
        this.pages = pages;
        this.table = ConsoleRoutes.table(pages, new ConsoleApi(services, replays), settings.containerAccounts(),
                (ctx, path) -> receipt(ctx, path.group()));
        this.refusals = new Refusals(settings.containerAccounts());
    }

    /** Handles a request whose path within the web application starts with the console path. */
    public void handle(HttpServletRequest request, HttpServletResponse response, String path, String clientIp)
            throws IOException {
        String sub = path.substring(settings.path().length());
        Surface surface = surface(sub);
        boolean https = access.transport().isHttps(request);
        ConsoleHeaders.apply(response, surface == Surface.RECEIPT ? ConsoleHeaders.Kind.RECEIPT
                : surface == Surface.API ? ConsoleHeaders.Kind.API : ConsoleHeaders.Kind.PAGE, settings.requireHttps() && https);
        try {
            // Posters follow their receipt on the public site, whatever host the console is on.
            if (surface == Surface.RECEIPT || mayServe(request, response, https)) {
                dispatch(request, response, sub, surface, clientIp);
            }
        } catch (StoreException e) {
            LOG.error("Console request {} failed: the database is unavailable", path, e);
            if (!response.isCommitted()) {
                response.reset();
                response.setHeader("Retry-After", "30");
                Http.jsonError(response, 503, "the SchoolGuard database is unavailable; try again shortly");
            }
        }
    }

    private static Surface surface(String sub) {
        if (sub.startsWith("/receipt")) {
            return Surface.RECEIPT;
        }
        return sub.equals("/api") || sub.startsWith("/api/") ? Surface.API : Surface.PAGE;
    }

    /**
     * Finds the route and admits the request to it: public routes at once; otherwise sign-in (401/429), a known
     * path (404), the method (405), the role (403), then for changes the origin and CSRF token (403) and, where the
     * route asks, the caller's own password again.
     */
    // Security-critical: the one admission path for every console page and API endpoint.
    private void dispatch(HttpServletRequest request, HttpServletResponse response, String sub, Surface surface,
                          String clientIp) throws IOException {
        RouteTable.Found found = table.find(sub, request.getMethod());
        if (found.routed() && !found.route.who.signIn() || !found.routed() && found.publicPath) {
            ConsoleContext anonymous = context(request, response, null, clientIp);
            if (found.routed()) {
                admit(found, anonymous, NOBODY);
            } else {
                refusals.wrongMethod(surface, anonymous, found.allow);
            }
            return;
        }
        ConsoleAccess.Check check = access.check(request, clientIp);
        if (check.caller().isEmpty()) {
            refusals.unauthenticated(surface, context(request, response, null, clientIp), check);
            return;
        }
        ConsoleContext ctx = context(request, response, check.caller().get(), clientIp);
        if (!found.pathKnown()) {
            refusals.notFound(surface, ctx, sub);
        } else if (!found.routed()) {
            refusals.wrongMethod(surface, ctx, found.allow);
        } else {
            admit(found, ctx, ctx.caller);
        }
    }

    private void admit(RouteTable.Found found, ConsoleContext ctx, ConsoleAccess.Caller caller) throws IOException {
        WebRoute route = found.route;
        if (!route.who.admits(ctx.caller)) {
            refusals.wrongRole(route.surface, ctx, route.who);
            return;
        }
        if (route.guard != WebRoute.Guard.NONE && !access.mayChangeState(ctx.request, caller)) {
            refusals.crossSite(route.surface, ctx);
            return;
        }
        if (route.guard == WebRoute.Guard.REAUTH) {
            // A stolen session or a script running in the console's origin cannot hand out access without it.
            Authenticator.Result result = access.confirm(caller,
                    ctx.request.getParameter(ConsoleAccountPages.CURRENT_PASSWORD), ctx.clientIp);
            if (!(result instanceof Authenticator.Success)) {
                refusals.reauthFailed(route, ctx, result);
                return;
            }
        }
        route.action.run(ctx, found.matcher);
    }

    private ConsoleContext context(HttpServletRequest request, HttpServletResponse response, ConsoleAccess.Caller caller,
                                   String clientIp) {
        return new ConsoleContext(request, response, caller, request.getContextPath() + settings.path(), clientIp,
                pages.view, pages.assets, pages.notices, settings.containerAccounts());
    }

    /**
     * Whether the console may answer this request: on the configured host only ({@code console.host}, else
     * 404), and over HTTPS when {@code console.require-https} (else a redirect for GET and HEAD, 403 otherwise).
     */
    // Security-critical: keeps the console off the public site's origin and off plain HTTP.
    private boolean mayServe(HttpServletRequest request, HttpServletResponse response, boolean https) throws IOException {
        if (settings.host().isPresent() && !settings.host().get().matches(request.getServerName(), request.getServerPort())) {
            Http.text(response, 404, "not found");
            return false;
        }
        if (settings.requireHttps() && !https) {
            String method = request.getMethod();
            if (method.equals("GET") || method.equals("HEAD")) {
                String host = settings.host().map(ConsoleHost::toString).orElse(hostForUrl(request.getServerName()));
                String query = request.getQueryString();
                response.setStatus(301);
                response.setHeader("Location", "https://" + host + request.getRequestURI() + (query == null ? "" : "?" + query));
                response.setContentLength(0);
            } else {
                Http.jsonError(response, 403, "the console needs HTTPS (console.require-https=true); send this request over https://");
            }
            return false;
        }
        return true;
    }

    private static String hostForUrl(String serverName) {
        return serverName.indexOf(':') >= 0 && !serverName.startsWith("[") ? "[" + serverName + "]" : serverName;
    }

    private void receipt(ConsoleContext ctx, String sub) throws IOException {
        String typed = sub.startsWith("/receipt/") ? sub.substring("/receipt/".length()) : ctx.request.getParameter("code");
        String code = ReceiptLookup.normalize(typed);
        Optional<Submission> submission = code == null ? Optional.empty() : queries.findByReceipt(code);
        posterPages.status(ctx.request, ctx.response, submission,
                submission.flatMap(s -> moderationSettings.routes().stream().filter(r -> r.name().equals(s.posted().route())).findFirst()));
    }
}
