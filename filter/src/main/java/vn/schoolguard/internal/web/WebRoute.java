package vn.schoolguard.internal.web;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One console page or API endpoint in the {@link RouteTable}: the path it answers, its methods, who may call it
 * and what a state change must carry. Declaring a state-changing route without a guard fails at startup.
 */
// Security-critical: the per-route access rules of the console and the API.
final class WebRoute {

    /** How a route answers, and so how it is refused: HTML pages, JSON, or the poster's plain receipt pages. */
    enum Surface { PAGE, API, RECEIPT }

    /** What a state-changing request must carry besides the role. */
    enum Guard {
        /** Nothing: a read. */
        NONE,
        /** Same-origin ({@code Sec-Fetch-Site}, {@code Origin}, {@code Referer}) and, for a session, its CSRF token. */
        SAME_ORIGIN,
        /** As {@link #SAME_ORIGIN}, plus the caller's own password again. */
        REAUTH
    }

    /** Who may call a route: anyone, any signed-in caller, or one of some roles. */
    record Who(boolean signIn, List<String> roles) {
        static final Who PUBLIC = new Who(false, List.of());
        static final Who SIGNED_IN = new Who(true, List.of());

        static Who anyOf(String... roles) {
            if (roles.length == 0) {
                throw new IllegalArgumentException("name at least one role, or use SIGNED_IN");
            }
            return new Who(true, List.of(roles));
        }

        boolean admits(ConsoleAccess.Caller caller) {
            return !signIn || caller != null && (roles.isEmpty() || roles.stream().anyMatch(caller.user()::has));
        }
    }

    /** What a route does once admitted; {@code path} has matched the route's pattern. */
    interface Action {
        void run(ConsoleContext ctx, Matcher path) throws IOException;
    }

    /** Answers a failed re-authentication with the route's own page (status 403 or 429, and the message). */
    interface ReauthRefusal {
        void refuse(ConsoleContext ctx, int status, String message) throws IOException;
    }

    final Surface surface;
    final List<String> methods;
    final Pattern pattern;
    final Who who;
    final Guard guard;
    final Action action;
    final ReauthRefusal reauthRefusal;

    WebRoute(Surface surface, List<String> methods, String pattern, Who who, Guard guard, Action action,
             ReauthRefusal reauthRefusal) {
        this.surface = Objects.requireNonNull(surface);
        this.methods = List.copyOf(methods);
        this.pattern = Pattern.compile(pattern);
        this.who = Objects.requireNonNull(who, "every route names who may call it");
        this.guard = Objects.requireNonNull(guard);
        this.action = Objects.requireNonNull(action);
        this.reauthRefusal = reauthRefusal;
        if (stateChanging() && guard == Guard.NONE) {
            throw new IllegalArgumentException(methods + " " + pattern + " changes state and needs a same-origin guard");
        }
        if (guard == Guard.REAUTH && (reauthRefusal == null || !who.signIn())) {
            throw new IllegalArgumentException(pattern + " re-authenticates a signed-in caller and needs a page to refuse with");
        }
    }

    /** Whether a request with this method changes something (anything but GET and HEAD). */
    boolean stateChanging() {
        return methods.stream().anyMatch(m -> !m.equals("GET") && !m.equals("HEAD"));
    }

    /** Whether the route takes this method; console pages answer HEAD like GET. */
    boolean takes(String method) {
        return methods.contains(method) || surface == Surface.PAGE && method.equals("HEAD") && methods.contains("GET");
    }

    @Override
    public String toString() {
        return surface + " " + String.join("|", methods) + " " + pattern.pattern() + " " + who + " " + guard;
    }
}
