package vn.schoolguard.web;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.schoolguard.http.ServletReplays;
import vn.schoolguard.account.Authenticator;
import vn.schoolguard.account.ConsoleUser;

/**
 * The browser console: server-rendered HTML pages for signing in, the moderation queue, a submission's
 * detail and decisions, the decision history and (for admins) the accounts. Works without JavaScript and
 * without internet access; every page and action checks the caller's role, every POST its CSRF token.
 *
 * <p>Pages under the console path ({@code console.path}, default {@code /_schoolguard}):
 * {@code /login}, {@code /logout} (POST), {@code /queue}, {@code /items/{id}} with
 * {@code /items/{id}/approve|reject|spam|edit} (POST), {@code /items/bulk} (POST), {@code /history},
 * {@code /accounts} (admin), {@code /iplog}, {@code /iplog/verify} (investigator), {@code /iplog/audit} (admin),
 * {@code /blocks} (the block list), {@code /rules} (spam rule statistics and re-check), {@code /forms} (unguarded forms, admin), {@code /lang?to=vi|en} and {@code /assets/...}.
 *
 * <p>Thread-safe; one instance serves all requests.
 */
public final class ConsolePages {

    private final ConsoleSettings settings;
    private final ConsoleAccess access;
    private final ConsoleView view = new ConsoleView();
    private final ConsoleAssets assets = new ConsoleAssets();
    private final ConsoleQueuePages queue;
    private final ConsoleAccountPages accountPages;
    private final ConsoleIpLogPages ipLogPages;
    private final ConsoleBlockPages blockPages;
    private final ConsoleRulePages rulePages;
    private final ConsoleFormPages formPages;

    /** @param replays how approvals made in the console are replayed to the application */
    public ConsolePages(ConsoleServices services, ServletReplays replays) {
        this.settings = services.settings();
        this.access = services.access();
        this.queue = new ConsoleQueuePages(services.moderationSettings(), services.moderation(), replays, services.access(),
                services.decorationWarnings());
        this.accountPages = new ConsoleAccountPages(services.accounts(), services.hasher(), services.sessions(),
                services.access(), services.clock());
        this.ipLogPages = new ConsoleIpLogPages(services.ipLog());
        this.blockPages = new ConsoleBlockPages(services.blocks(), services.moderation(), services.access(), services.clock());
        this.rulePages = new ConsoleRulePages(services.rules(), services.access());
        this.formPages = new ConsoleFormPages(services.discovery(), services.access());
    }

    void handle(HttpServletRequest request, HttpServletResponse response, String sub, String clientIp) throws IOException {
        String base = request.getContextPath() + settings.path();
        if (sub.startsWith("/assets/")) {
            assets.serve(request, response, sub.substring("/assets/".length()));
            return;
        }
        if (sub.equals("/lang")) {
            language(request, response, base);
            return;
        }
        if (sub.equals("/login") && !settings.containerAccounts()) {
            login(new ConsoleContext(request, response, null, base, clientIp, view, assets, false));
            return;
        }
        ConsoleAccess.Check check = access.check(request, clientIp);
        if (check.caller().isEmpty()) {
            ConsoleContext anonymous = new ConsoleContext(request, response, null, base, clientIp, view, assets,
                    settings.containerAccounts());
            if (check.status() == 403) {
                anonymous.error(403, "console.error.no-role");
            } else if (check.status() == 429) {
                response.setHeader("Retry-After", String.valueOf(check.retryAfterSeconds()));
                loginPage(anonymous, 429, anonymous.text("console.login.locked",
                        String.valueOf(Math.max(1, (check.retryAfterSeconds() + 59) / 60))), "");
            } else if (settings.containerAccounts()) {
                anonymous.error(401, "console.error.container-login");
            } else {
                anonymous.redirect("/login");
            }
            return;
        }
        ConsoleContext ctx = new ConsoleContext(request, response, check.caller().get(), base, clientIp, view, assets,
                settings.containerAccounts());
        if (sub.isEmpty() || sub.equals("/") || sub.equals("/login")) {
            ctx.redirect("/queue");
        } else if (sub.equals("/logout")) {
            logout(ctx);
        } else if (sub.equals("/accounts") || sub.startsWith("/accounts/")) {
            if (settings.containerAccounts()) {
                ctx.error(404, "console.error.container-accounts");
            } else {
                accountPages.handle(ctx, sub);
            }
        } else if (sub.equals("/iplog") || sub.startsWith("/iplog/")) {
            if (!ipLogPages.handle(ctx, sub)) {
                ctx.error(404, "console.error.not-found");
            }
        } else if (sub.equals("/rules") || sub.startsWith("/rules/")) {
            rulePages.handle(ctx, sub);
        } else if (sub.equals("/forms") || sub.startsWith("/forms/")) {
            formPages.handle(ctx, sub);
        } else if (sub.equals("/blocks") || sub.startsWith("/blocks/")) {
            blockPages.handle(ctx, sub);
        } else if (!queue.handle(ctx, sub)) {
            ctx.error(404, "console.error.not-found");
        }
    }

    private void login(ConsoleContext ctx) throws IOException {
        if (!ctx.isPost()) {
            loginPage(ctx, 200, null, "");
            return;
        }
        // No session yet, so no token: refuse form posts that the browser says come from another site.
        ConsoleAccess.Caller nobody = new ConsoleAccess.Caller(new ConsoleUser("", Set.of(), false), Optional.empty(), false);
        if (!access.mayChangeState(ctx.request, nobody)) {
            ctx.error(403, "console.error.csrf");
            return;
        }
        String username = ctx.request.getParameter("username");
        Authenticator.Result result = access.signIn(ctx.request, ctx.response, username,
                ctx.request.getParameter("password"), ctx.clientIp);
        if (result instanceof Authenticator.Success) {
            ctx.redirect("/queue");
        } else if (result instanceof Authenticator.Locked locked) {
            long seconds = Math.max(1, locked.retryAfter().toSeconds());
            ctx.response.setHeader("Retry-After", String.valueOf(seconds));
            loginPage(ctx, 429, ctx.text("console.login.locked", String.valueOf((seconds + 59) / 60)), username);
        } else {
            loginPage(ctx, 401, ctx.text("console.login.failed"), username);
        }
    }

    private static void loginPage(ConsoleContext ctx, int status, String error, String username) throws IOException {
        Map<String, Object> model = ctx.model(ctx.text("console.login.title"), null);
        model.put("error", error);
        model.put("username", username == null ? "" : username.trim());
        ctx.render(status, "login", model);
    }

    private void logout(ConsoleContext ctx) throws IOException {
        if (!ctx.isPost()) {
            ctx.response.setHeader("Allow", "POST");
            ctx.error(405, "console.error.post-only");
            return;
        }
        if (!ctx.mayChangeState(access)) {
            return;
        }
        access.signOut(ctx.request, ctx.response);
        ctx.redirect("/login?" + ConsoleFlash.query("signed-out", 0));
    }

    /** Remembers the language in a cookie (only the console reads it) and goes back to the page. */
    private static void language(HttpServletRequest request, HttpServletResponse response, String base) {
        String to = "en".equals(request.getParameter("to")) ? "en" : "vi";
        String back = request.getParameter("return");
        String path = ConsoleReturn.clean(back);
        StringBuilder cookie = new StringBuilder(Messages.LANGUAGE_COOKIE).append('=').append(to)
                .append("; Path=").append(base).append("; Max-Age=31536000; SameSite=Lax");
        if (request.isSecure()) {
            cookie.append("; Secure");
        }
        response.addHeader("Set-Cookie", cookie.toString());
        response.setStatus(303);
        response.setHeader("Location", base + path);
        response.setContentLength(0);
    }
}
