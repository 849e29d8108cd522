package vn.schoolguard.internal.http;

import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.schoolguard.internal.discovery.RouteDiscovery;
import vn.schoolguard.internal.log.Log;

/**
 * Learning mode on the servlet side: watches what the application reads of a posted request no route guards
 * ({@link ObservedRequest}) and, once it has answered below 400, tells {@link RouteDiscovery} the fields.
 * It never reads anything the application did not. Thread-safe.
 */
public final class DiscoveryWatch {

    private static final Log LOG = Log.get(DiscoveryWatch.class);
    /** Largest body copy kept while the application reads it. */
    static final int MAX_COPY = 64 * 1024;
    private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH");

    private final RouteDiscovery discovery;

    public DiscoveryWatch(RouteDiscovery discovery) {
        this.discovery = discovery;
    }

    /**
     * The chain to hand a request to: the application's own, watched when discovery is on, the request is a
     * POST, PUT or PATCH and no route guards its path.
     */
    public FilterChain observing(FilterChain chain, String path, boolean guarded) {
        if (!discovery.settings().enabled() || guarded) {
            return chain;
        }
        return (req, res) -> {
            if (!(req instanceof HttpServletRequest request) || !METHODS.contains(request.getMethod())) {
                chain.doFilter(req, res);
                return;
            }
            ObservedRequest observed = new ObservedRequest(request, MAX_COPY);
            chain.doFilter(observed, res);
            afterApplication(observed, res, path);
        };
    }

    private void afterApplication(ObservedRequest request, ServletResponse res, String path) {
        try {
            // An async request is still the application's; its fields are its business until it completes.
            if (request.isAsyncStarted() || !(res instanceof HttpServletResponse response) || response.getStatus() >= 400) {
                return;
            }
            discovery.note(request.getMethod(), path, request.fields(), response.getStatus());
        } catch (RuntimeException e) {
            // Never the poster's problem: the application has answered already.
            LOG.debug("Route discovery skipped a request to {}: {}", path, e.toString());
        }
    }
}
