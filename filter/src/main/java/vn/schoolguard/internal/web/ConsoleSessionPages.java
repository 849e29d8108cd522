package vn.schoolguard.internal.web;

import java.io.IOException;
import java.util.Map;

import vn.schoolguard.internal.account.Authenticator;

/** Signing in and out of the console, the language switch and the console's front door. */
final class ConsoleSessionPages {

    private final ConsoleAccess access;

    ConsoleSessionPages(ConsoleAccess access) {
        this.access = access;
    }

    void loginForm(ConsoleContext ctx) throws IOException {
        loginPage(ctx, 200, null, "");
    }

    /** The sign-in form posted; the route table has already refused it when it came from another site. */
    void login(ConsoleContext ctx) throws IOException {
        String username = ctx.request.getParameter("username");
        Authenticator.Result result = access.signIn(ctx.request, ctx.response, username,
                ctx.request.getParameter("password"), ctx.clientIp);
        if (result instanceof Authenticator.Success success) {
            ctx.redirect(landing(success.user()));
        } else if (result instanceof Authenticator.Locked locked) {
            long seconds = Math.max(1, locked.retryAfter().toSeconds());
            ctx.response.setHeader("Retry-After", String.valueOf(seconds));
            loginPage(ctx, 429, ctx.text("console.login.locked", String.valueOf((seconds + 59) / 60)), username);
        } else {
            loginPage(ctx, 401, ctx.text("console.login.failed"), username);
        }
    }

    static void loginPage(ConsoleContext ctx, int status, String error, String username) throws IOException {
        Map<String, Object> model = ctx.model(ctx.text("console.login.title"), null);
        model.put("error", error);
        model.put("username", username == null ? "" : username.trim());
        ctx.render(status, "login", model);
    }

    void logout(ConsoleContext ctx) {
        access.signOut(ctx.request, ctx.response);
        ctx.redirect("/login?" + ConsoleFlash.query("signed-out", 0));
    }

    static void home(ConsoleContext ctx) {
        ctx.redirect(landing(ctx.user()));
    }

    /** The queue, or for the department's read-only role (which has no queue) its dashboard. */
    static String landing(vn.schoolguard.internal.account.ConsoleUser user) {
        return user.has("moderator") || user.has("investigator") || !user.has("department") ? "/queue" : "/department";
    }

    /** Remembers the language in a cookie (only the console reads it) and goes back to the page. */
    static void language(ConsoleContext ctx) {
        String to = "en".equals(ctx.request.getParameter("to")) ? "en" : "vi";
        String path = ConsoleReturn.clean(ctx.request.getParameter("return"));
        StringBuilder cookie = new StringBuilder(Messages.LANGUAGE_COOKIE).append('=').append(to)
                .append("; Path=").append(ctx.base).append("; Max-Age=31536000; SameSite=Lax");
        if (ctx.request.isSecure()) {
            cookie.append("; Secure");
        }
        ctx.response.addHeader("Set-Cookie", cookie.toString());
        ctx.response.setStatus(303);
        ctx.response.setHeader("Location", ctx.base + path);
        ctx.response.setContentLength(0);
    }
}
