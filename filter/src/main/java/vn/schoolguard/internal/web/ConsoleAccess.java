package vn.schoolguard.internal.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.schoolguard.internal.account.AccountStore;
import vn.schoolguard.internal.account.Authenticator;
import vn.schoolguard.internal.account.ConsoleUser;
import vn.schoolguard.internal.account.SessionStore;
import vn.schoolguard.internal.net.ProxySettings;

/**
 * Who is calling the console or the API: HTTP Basic for scripts, a session cookie with a CSRF token for
 * the browser console, or the container's own login when {@code accounts.source=container}.
 */
// Security-critical: authentication and CSRF checks for every console endpoint.
public final class ConsoleAccess {

    public static final String SESSION_COOKIE = "SG_SESSION";
    public static final String CSRF_FIELD = "_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    /** A caller: who, how, and the session's CSRF token when signed in through the console. */
    public record Caller(ConsoleUser user, Optional<String> csrfToken, boolean basic) {
    }

    /** The result of checking credentials: a caller, or the status and message to answer with. */
    public record Check(Optional<Caller> caller, int status, String message, long retryAfterSeconds) {
        static Check ok(Caller caller) {
            return new Check(Optional.of(caller), 200, null, 0);
        }

        static Check fail(int status, String message, long retryAfter) {
            return new Check(Optional.empty(), status, message, retryAfter);
        }
    }

    private final ConsoleSettings settings;
    private final Authenticator authenticator;
    private final AccountStore accounts;
    private final SessionStore sessions;
    private final Clock clock;
    private final ConsoleTransport transport;

    /**
     * @param proxies the trusted proxies, whose {@code X-Forwarded-Proto} says whether a request came over HTTPS
     */
    public ConsoleAccess(ConsoleSettings settings, ProxySettings proxies, Authenticator authenticator, AccountStore accounts,
                         SessionStore sessions, Clock clock) {
        this.transport = new ConsoleTransport(proxies);
        this.settings = settings;
        this.authenticator = authenticator;
        this.accounts = accounts;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Identifies the caller; {@code clientIp} is the resolved client address (for throttling). */
    public Check check(HttpServletRequest request, String clientIp) {
        if (settings.containerAccounts()) {
            return containerCaller(request);
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Check.fail(401, "malformed Basic credentials", 0);
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Check.fail(401, "malformed Basic credentials", 0);
            }
            Authenticator.Result result = authenticator.login(decoded.substring(0, colon), decoded.substring(colon + 1), clientIp);
            if (result instanceof Authenticator.Success success) {
                return Check.ok(new Caller(success.user(), Optional.empty(), true));
            }
            if (result instanceof Authenticator.Locked locked) {
                return Check.fail(429, "too many failed logins; try again later", Math.max(1, locked.retryAfter().toSeconds()));
            }
            return Check.fail(401, "wrong user name or password", 0);
        }
        Optional<String> token = sessionToken(request);
        if (token.isPresent()) {
            Optional<SessionStore.Session> session = sessions.find(token.get(), clock.instant());
            if (session.isPresent()) {
                var account = accounts.find(session.get().username());
                if (account.isPresent() && !account.get().disabled()) {
                    ConsoleUser user = new ConsoleUser(account.get().username(), account.get().roles(), false);
                    return Check.ok(new Caller(user, Optional.of(session.get().csrfToken()), false));
                }
            }
        }
        return Check.fail(401, "sign in to use the console", 0);
    }

    /**
     * Whether a state-changing request may go ahead. Refused when the browser marks it as not same-origin
     * ({@code Sec-Fetch-Site}), when {@code Origin} is present and is not exactly this request's own origin
     * (scheme, host and port; {@code null} included), or, without {@code Origin}, when {@code Referer} is
     * present and not same-origin. A session caller must in every case send the session's CSRF token.
     */
    public boolean mayChangeState(HttpServletRequest request, Caller caller) {
        if (!sameOrigin(request)) {
            return false;
        }
        if (caller.csrfToken().isEmpty()) {
            // Basic and container callers carry no ambient session token; the origin checks above apply.
            return true;
        }
        String sent = request.getHeader(CSRF_HEADER);
        if (sent == null) {
            sent = request.getParameter(CSRF_FIELD);
        }
        return sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                caller.csrfToken().get().getBytes(StandardCharsets.UTF_8));
    }

    private boolean sameOrigin(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            return false;
        }
        String own = transport.origin(request);
        java.util.List<String> origins = java.util.Collections.list(request.getHeaders("Origin"));
        if (!origins.isEmpty()) {
            return origins.size() == 1 && SameOrigin.ofOrigin(origins.get(0)).filter(own::equals).isPresent();
        }
        java.util.List<String> referers = java.util.Collections.list(request.getHeaders("Referer"));
        if (!referers.isEmpty()) {
            return referers.size() == 1 && SameOrigin.ofReferer(referers.get(0)).filter(own::equals).isPresent();
        }
        // Neither header: not a browser's cross-site form or fetch (they send Origin on every POST); scripts.
        return true;
    }

    /** How the request reached the server: HTTPS or not, and its origin. */
    ConsoleTransport transport() {
        return transport;
    }

    /** Signs in with a form; on success sets the session cookie. */
    public Authenticator.Result signIn(HttpServletRequest request, HttpServletResponse response, String user,
                                       String password, String clientIp) {
        Authenticator.Result result = authenticator.login(user, password, clientIp);
        if (result instanceof Authenticator.Success success) {
            sessionToken(request).ifPresent(sessions::delete);
            String token = sessions.create(success.user().name(), clientIp, clock.instant());
            setCookie(request, response, token, -1);
        }
        return result;
    }

    /**
     * Checks the signed-in caller's own password again before a sensitive change, throttled like a sign-in
     * (so guessing it here counts against the same address). Only built-in accounts can be confirmed.
     */
    public Authenticator.Result confirm(Caller caller, String password, String clientIp) {
        if (caller.user().container() || password == null || password.isEmpty()) {
            return new Authenticator.Failure();
        }
        Authenticator.Result result = authenticator.login(caller.user().name(), password, clientIp);
        return result instanceof Authenticator.Success success && !success.user().name().equals(caller.user().name())
                ? new Authenticator.Failure() : result;
    }

    public void signOut(HttpServletRequest request, HttpServletResponse response) {
        sessionToken(request).ifPresent(sessions::delete);
        setCookie(request, response, "", 0);
    }

    private Check containerCaller(HttpServletRequest request) {
        if (request.getUserPrincipal() == null) {
            return Check.fail(401, "sign in through the web server to use the console", 0);
        }
        Set<String> roles = new LinkedHashSet<>();
        settings.containerRoles().forEach((role, containerRole) -> {
            if (request.isUserInRole(containerRole)) {
                roles.add(role);
            }
        });
        if (roles.isEmpty()) {
            return Check.fail(403, "your account has no SchoolGuard role", 0);
        }
        return Check.ok(new Caller(new ConsoleUser(request.getUserPrincipal().getName(), roles, true), Optional.empty(), false));
    }

    private static Optional<String> sessionToken(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (SESSION_COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    private void setCookie(HttpServletRequest request, HttpServletResponse response, String value, int maxAge) {
        StringBuilder cookie = new StringBuilder(SESSION_COOKIE).append('=').append(value)
                .append("; Path=").append(request.getContextPath()).append(settings.path())
                .append("; HttpOnly; SameSite=Strict");
        if (maxAge >= 0) {
            cookie.append("; Max-Age=").append(maxAge);
        }
        if (settings.requireHttps() || transport.isHttps(request)) {
            cookie.append("; Secure");
        }
        response.addHeader("Set-Cookie", cookie.toString());
    }
}
