package vn.schoolguard.internal.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

import vn.schoolguard.internal.web.WebRoute.Action;
import vn.schoolguard.internal.web.WebRoute.Guard;
import vn.schoolguard.internal.web.WebRoute.ReauthRefusal;
import vn.schoolguard.internal.web.WebRoute.Surface;
import vn.schoolguard.internal.web.WebRoute.Who;

/** Every console page and API endpoint, looked up by path (under the console path) and method. Immutable. */
final class RouteTable {

    /**
     * What a request's path and method found: a route and its match, else (when only the method is wrong) the
     * methods the path takes, else nothing.
     */
    static final class Found {
        final WebRoute route;
        final Matcher matcher;
        /** The methods the path takes, for {@code Allow}; empty when no route has this path. */
        final List<String> allow;
        /** Whether every route on the path is public, so that a wrong method is refused before sign-in. */
        final boolean publicPath;

        private Found(WebRoute route, Matcher matcher, List<String> allow, boolean publicPath) {
            this.route = route;
            this.matcher = matcher;
            this.allow = allow;
            this.publicPath = publicPath;
        }

        boolean routed() {
            return route != null;
        }

        boolean pathKnown() {
            return route != null || !allow.isEmpty();
        }
    }

    private final List<WebRoute> routes;

    private RouteTable(List<WebRoute> routes) {
        this.routes = List.copyOf(routes);
    }

    static Builder builder() {
        return new Builder();
    }

    List<WebRoute> routes() {
        return routes;
    }

    Found find(String path, String method) {
        Set<String> allow = new LinkedHashSet<>();
        boolean allPublic = true;
        for (WebRoute route : routes) {
            Matcher matcher = route.pattern.matcher(path);
            if (!matcher.matches()) {
                continue;
            }
            if (route.takes(method)) {
                return new Found(route, matcher, List.of(), !route.who.signIn());
            }
            allow.addAll(route.methods);
            allPublic &= !route.who.signIn();
        }
        return new Found(null, null, List.copyOf(allow), !allow.isEmpty() && allPublic);
    }

    /** Declares routes; each names its surface, methods, path pattern, who may call it and its guard. */
    static final class Builder {
        private final List<WebRoute> routes = new ArrayList<>();

        Builder page(String method, String pattern, Who who, Guard guard, Action action) {
            return add(new WebRoute(Surface.PAGE, List.of(method), pattern, who, guard, action, null));
        }

        /** A console form that asks for the caller's own password again; {@code refusal} shows the form's page. */
        Builder reauthPage(String method, String pattern, Who who, ReauthRefusal refusal, Action action) {
            return add(new WebRoute(Surface.PAGE, List.of(method), pattern, who, Guard.REAUTH, action, refusal));
        }

        Builder api(String method, String pattern, Who who, Guard guard, Action action) {
            return add(new WebRoute(Surface.API, List.of(method), pattern, who, guard, action, null));
        }

        Builder receipt(List<String> methods, String pattern, Action action) {
            return add(new WebRoute(Surface.RECEIPT, methods, pattern, Who.PUBLIC, Guard.NONE, action, null));
        }

        Builder add(WebRoute route) {
            routes.add(route);
            return this;
        }

        RouteTable build() {
            return new RouteTable(routes);
        }
    }
}
