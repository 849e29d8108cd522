package vn.schoolguard.internal.web;

import java.io.IOException;
import java.util.List;

import vn.schoolguard.internal.account.Authenticator;
import vn.schoolguard.internal.web.WebRoute.Surface;
import vn.schoolguard.internal.web.WebRoute.Who;

/**
 * The one place that answers a request the route table refuses — 401 (not signed in), 403 (wrong role, cross-site,
 * failed re-authentication), 404, 405 (with {@code Allow}) and 429 (sign-ins refused for a while) — as an HTML
 * page for the console, JSON for the API, plain text for the poster's receipt pages. Error texts live here.
 */
final class Refusals {

    static final String CROSS_SITE = "missing or wrong CSRF token, or a cross-site request";

    private final boolean containerAccounts;

    Refusals(boolean containerAccounts) {
        this.containerAccounts = containerAccounts;
    }

    /** No caller: the API challenges for Basic credentials, the console sends the browser to sign in. */
    void unauthenticated(Surface surface, ConsoleContext ctx, ConsoleAccess.Check check) throws IOException {
        Http.closeIfBodyUnread(ctx.request, ctx.response);
        if (surface == Surface.API) {
            if (check.status() == 401) {
                ctx.response.setHeader("WWW-Authenticate", "Basic realm=\"SchoolGuard\", charset=\"UTF-8\"");
            }
            if (check.retryAfterSeconds() > 0) {
                ctx.response.setHeader("Retry-After", String.valueOf(check.retryAfterSeconds()));
            }
            Http.jsonError(ctx.response, check.status(), check.message());
        } else if (check.status() == 403) {
            ctx.error(403, "console.error.no-role");
        } else if (check.status() == 429) {
            ctx.response.setHeader("Retry-After", String.valueOf(check.retryAfterSeconds()));
            ConsoleSessionPages.loginPage(ctx, 429, ctx.text("console.login.locked",
                    String.valueOf(Math.max(1, (check.retryAfterSeconds() + 59) / 60))), "");
        } else if (containerAccounts) {
            ctx.error(401, "console.error.container-login");
        } else {
            ctx.redirect("/login");
        }
    }

    void notFound(Surface surface, ConsoleContext ctx, String sub) throws IOException {
        Http.closeIfBodyUnread(ctx.request, ctx.response);
        if (surface == Surface.API) {
            Http.jsonError(ctx.response, 404, "no such API endpoint: " + sub.substring("/api".length()));
        } else if (containerAccounts && (sub.equals("/accounts") || sub.startsWith("/accounts/"))) {
            ctx.error(404, "console.error.container-accounts");
        } else {
            ctx.error(404, "console.error.not-found");
        }
    }

    void wrongMethod(Surface surface, ConsoleContext ctx, List<String> allow) throws IOException {
        Http.closeIfBodyUnread(ctx.request, ctx.response);
        ctx.response.setHeader("Allow", String.join(", ", allow));
        switch (surface) {
            case API -> Http.jsonError(ctx.response, 405, ctx.request.getMethod() + " is not allowed here");
            case RECEIPT -> Http.text(ctx.response, 405, "only GET is allowed here");
            default -> ctx.error(405, allow.contains("POST") ? "console.error.post-only" : "console.error.get-only");
        }
    }

    void wrongRole(Surface surface, ConsoleContext ctx, Who who) throws IOException {
        Http.closeIfBodyUnread(ctx.request, ctx.response);
        if (surface == Surface.API) {
            Http.jsonError(ctx.response, 403, "this needs the role " + String.join(" or ", who.roles()));
        } else {
            ctx.error(403, "console.error.role." + String.join("-", who.roles()));
        }
    }

    void crossSite(Surface surface, ConsoleContext ctx) throws IOException {
        Http.closeIfBodyUnread(ctx.request, ctx.response);
        if (surface == Surface.API) {
            Http.jsonError(ctx.response, 403, CROSS_SITE);
        } else {
            ctx.error(403, "console.error.csrf");
        }
    }

    /** The caller's own password did not check out: 429 while sign-ins from the address wait, else 403. */
    void reauthFailed(WebRoute route, ConsoleContext ctx, Authenticator.Result result) throws IOException {
        if (result instanceof Authenticator.Locked locked) {
            long seconds = Math.max(1, locked.retryAfter().toSeconds());
            ctx.response.setHeader("Retry-After", String.valueOf(seconds));
            route.reauthRefusal.refuse(ctx, 429, ctx.text("console.login.locked", String.valueOf((seconds + 59) / 60)));
        } else {
            route.reauthRefusal.refuse(ctx, 403, ctx.text("console.accounts.reauth-failed"));
        }
    }
}
