package vn.schoolguard.web;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.schoolguard.log.Log;

import vn.schoolguard.moderation.Moderation;
import vn.schoolguard.moderation.ModerationSettings;
import vn.schoolguard.moderation.Submission;
import vn.schoolguard.store.StoreException;

/**
 * Everything under the console path: the poster's receipt pages (public), the REST API and the
 * moderator/investigator console (signed in).
 */
public final class ConsoleRouter {

    private static final Log LOG = Log.get(ConsoleRouter.class);

    private final ConsoleSettings settings;
    private final ModerationSettings moderationSettings;
    private final Moderation moderation;
    private final ConsoleAccess access;
    private final PosterPages posterPages;
    private final ApiHandler api;
    private final ConsolePages pages;

    public ConsoleRouter(ConsoleServices services, PosterPages posterPages, ConsolePages pages) {
        this.settings = services.settings();
        this.moderationSettings = services.moderationSettings();
        this.moderation = services.moderation();
        this.access = services.access();
        this.posterPages = posterPages;
        this.api = new ApiHandler(services.moderation(), services.access(), new IpLogApi(services.ipLog(), services.ipLogExport()),
                new BlockApi(services.blocks(), services.moderation(), services.access(), services.clock()),
                new RulesApi(services.rules(), services.access()));
        this.pages = pages;
    }

    /** Handles a request whose path within the web application starts with the console path. */
    public void handle(HttpServletRequest request, HttpServletResponse response, String path, String clientIp)
            throws IOException {
        String sub = path.substring(settings.path().length());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
                + " script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
        try {
            if (sub.startsWith("/receipt")) {
                receipt(request, response, sub);
            } else if (sub.equals("/api") || sub.startsWith("/api/")) {
                ConsoleAccess.Check check = access.check(request, clientIp);
                if (check.caller().isEmpty()) {
                    refuse(response, check);
                    return;
                }
                api.handle(request, response, sub.substring(4), check.caller().get(), clientIp);
            } else {
                pages.handle(request, response, sub, clientIp);
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

    private void receipt(HttpServletRequest request, HttpServletResponse response, String sub) throws IOException {
        if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
            response.setHeader("Allow", "GET, HEAD");
            Http.text(response, 405, "only GET is allowed here");
            return;
        }
        String typed = sub.startsWith("/receipt/") ? sub.substring("/receipt/".length()) : request.getParameter("code");
        String code = ReceiptLookup.normalize(typed);
        Optional<Submission> submission = code == null ? Optional.empty()
                : moderation.store().findByReceipt(moderation.siteKey(), code);
        posterPages.status(request, response, submission,
                submission.flatMap(s -> moderationSettings.routes().stream().filter(r -> r.name().equals(s.route())).findFirst()));
    }

    private static void refuse(HttpServletResponse response, ConsoleAccess.Check check) throws IOException {
        if (check.status() == 401) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"SchoolGuard\", charset=\"UTF-8\"");
        }
        if (check.retryAfterSeconds() > 0) {
            response.setHeader("Retry-After", String.valueOf(check.retryAfterSeconds()));
        }
        Http.jsonError(response, check.status(), check.message());
    }
}
