package vn.schoolguard.internal.http.page;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.schoolguard.internal.inject.DecoratedPage;
import vn.schoolguard.internal.inject.PageDecoration;
import vn.schoolguard.internal.inject.PageRequest;

/**
 * Puts {@link PageDecoration} in front of the application: for every request it sets the security headers first,
 * then lets the application write through a response that streams the page on, rewritten.
 *
 * <p>Only HTML with an ASCII-compatible charset is touched; compressed responses, HEAD, 204, 304, redirects and
 * bodies the container replaces (sendError) are passed through, and a Content-Length the page no longer
 * matches is dropped. Asynchronous responses are finished on {@code AsyncContext.complete()}. Thread-safe.
 *
 * <pre>{@code
 * PageDecorator decorator = new PageDecorator(new PageDecoration(config.inject()));
 * decorator.filter(request, response, chain);
 * }</pre>
 */
public final class PageDecorator {

    // The name is kept from earlier versions: replay isolation checks and applications may look for it.
    private static final String ATTRIBUTE = "vn.schoolguard.internal.inject.PageDecorator.response";

    private final PageDecoration decoration;

    public PageDecorator(PageDecoration decoration) {
        this.decoration = decoration;
    }

    /** The decoration this decorator applies. */
    public PageDecoration decoration() {
        return decoration;
    }

    /** Runs the rest of the chain with a response that is decorated on its way out. */
    public void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        DispatcherType type = request.getDispatcherType();
        Object current = request.getAttribute(ATTRIBUTE);
        if (current instanceof DecoratedResponse decorated && type != DispatcherType.ERROR) {
            // An include, forward or async dispatch inside a page that is already being decorated.
            chain.doFilter(request, response);
            if (type == DispatcherType.ASYNC && !request.isAsyncStarted()) {
                decorated.finish();
            }
            return;
        }
        Runnable headers = () -> SecurityHeaderWriter.write(decoration.securityHeaders(), response, request.isSecure());
        headers.run();
        if (!decoration.decorates(request.getRequestURI(), pathInContext(request))) {
            chain.doFilter(request, response);
            return;
        }
        DecoratedPage page = decoration.page(describe(request), response::getHeaders);
        DecoratedResponse decorated = new DecoratedResponse(request, response, page, headers);
        request.setAttribute(ATTRIBUTE, decorated);
        chain.doFilter(new DecoratedRequest(request, decorated), decorated);
        if (!request.isAsyncStarted()) {
            decorated.finish();
        }
    }

    private static PageRequest describe(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String query = request.getQueryString();
        String context = request.getContextPath();
        String home = context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
        String host = request.getServerName();
        if (host != null && host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return new PageRequest(request.getMethod(), uri + (query == null ? "" : "?" + query), uri,
                home.isEmpty() ? "/" : home, pathInContext(request),
                request.getScheme() + "://" + host + ":" + request.getServerPort(), request.getServerName());
    }

    /**
     * The container's decoded, normalized path within the context ({@code %61dmin} is {@code admin}, path parameters
     * dropped), which is what the application routes on; the raw request URI would let an encoding slip past.
     */
    // Security-critical: decoration scope is decided on this path.
    static String pathInContext(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        if (!path.isEmpty()) {
            return path;
        }
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        String raw = context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
        return raw.isEmpty() ? "/" : raw;
    }
}
