package vn.schoolguard;

import java.io.IOException;
import java.util.Enumeration;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.schoolguard.config.SchoolGuardConfig;
import vn.schoolguard.inject.PageDecorator;

/**
 * The SchoolGuard filter: the one class a {@code web.xml} names.
 */
public final class SchoolGuardFilter implements Filter {

    private PageDecorator decorator;

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        SchoolGuardConfig.Builder builder = SchoolGuardConfig.builder();
        Enumeration<String> names = filterConfig.getInitParameterNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            builder.set(name, filterConfig.getInitParameter(name));
        }
        SchoolGuardConfig config = builder.build();
        decorator = new PageDecorator(config.inject());
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        decorator.filter((HttpServletRequest) request, (HttpServletResponse) response, chain);
    }
}
