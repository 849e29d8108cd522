package vn.schoolguard.web;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.schoolguard.http.ServletReplays;
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

    /** @param replays how approvals made in the console and the API are replayed to the application */
    public ConsoleRouter(ConsoleServices services, ServletReplays replays, PosterPages posterPages, ConsolePages pages) {
        this.settings = services.settings();
        this.moderationSettings = services.moderationSettings();
        this.moderation = services.moderation();
        this.access = services.access();
        this.posterPages = posterPages;
        this.api = new ApiHandler(services.moderation(), replays, services.access(), new IpLogApi(services.ipLog(), services.ipLogExport()),
                new BlockApi(services.blocks(), services.moderation(), services.access(), services.clock()),
                new RulesApi(services.rules(), services.access()));
        this.pages = pages;
    }

    /** Handles a request whose path within the web application starts with the console path. */
    public void handle(HttpServletRequest request, HttpServletResponse response, String path, String clientIp)
            throws IOException {
        String sub = path.substring(settings.path().length());
        boolean receipt = sub.startsWith("/receipt");
        boolean apiCall = sub.equals("/api") || sub.startsWith("/api/");
        boolean https = access.transport().isHttps(request);
        ConsoleHeaders.apply(response, receipt ? ConsoleHeaders.Kind.RECEIPT : apiCall ? ConsoleHeaders.Kind.API
                : ConsoleHeaders.Kind.PAGE, settings.requireHttps() && https);
        try {
            if (receipt) {
                // Posters follow their receipt on the public site, whatever host the console is on.
                receipt(request, response, sub);
            } else if (!mayServe(request, response, https)) {
                return;
            } else if (apiCall) {
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
