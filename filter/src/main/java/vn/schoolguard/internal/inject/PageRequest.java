package vn.schoolguard.internal.inject;

/**
 * What page decoration needs to know of a request, read from it once, before the application runs.
 *
 * @param method        the HTTP method
 * @param target        the path and query as requested (the raw request URI, then {@code ?} and the query if any)
 * @param uri           the raw request URI, without the query
 * @param homePath      the request URI below the context path, {@code /} for the context root; matched against
 *                      {@code portal.home-paths}
 * @param pathInContext the container's decoded, normalized path within the context, which decides the scope
 * @param origin        {@code scheme://host:port} as the container sees the request
 * @param serverName    the host name the request was sent to
 */
public record PageRequest(String method, String target, String uri, String homePath, String pathInContext,
                          String origin, String serverName) {
}
