package vn.schoolguard.internal.http;

import java.util.Map;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.MappingMatch;

/**
 * The servlet mapping the poster's path had, worked out from the web application's own servlet mappings by the
 * rules of the Servlet specification (exact, longest path prefix, extension, default), so that a replayed
 * request describes the poster's request and never the moderator's approval URL.
 *
 * <p>A class, not a record: the Eclipse Transformer that makes the javax JAR leaves a record's component
 * descriptors untouched, so a record with a Servlet API component would still name jakarta.servlet there.
 */
final class ReplayMapping {

    private final String servletPath;
    private final String pathInfo;
    private final HttpServletMapping mapping;

    /**
     * @param servletPath the servlet path, as {@code getServletPath()} would give it
     * @param pathInfo    the path info, may be null
     * @param mapping     the matched mapping
     */
    ReplayMapping(String servletPath, String pathInfo, HttpServletMapping mapping) {
        this.servletPath = servletPath;
        this.pathInfo = pathInfo;
        this.mapping = mapping;
    }

    String servletPath() {
        return servletPath;
    }

    String pathInfo() {
        return pathInfo;
    }

    HttpServletMapping mapping() {
        return mapping;
    }

    /** A mapping as {@code HttpServletRequest.getHttpServletMapping()} describes it (a class for the same reason). */
    static final class Mapping implements HttpServletMapping {
        private final String matchValue;
        private final String pattern;
        private final String servletName;
        private final MappingMatch match;

        Mapping(String matchValue, String pattern, String servletName, MappingMatch match) {
            this.matchValue = matchValue;
            this.pattern = pattern;
            this.servletName = servletName;
            this.match = match;
        }

        @Override
        public String getMatchValue() {
            return matchValue;
        }

        @Override
        public String getPattern() {
            return pattern;
        }

        @Override
        public String getServletName() {
            return servletName;
        }

        @Override
        public MappingMatch getMappingMatch() {
            return match;
        }

        @Override
        public String toString() {
            return "Mapping[" + matchValue + "|" + pattern + "|" + servletName + "|" + match + "]";
        }
    }

    /** Resolves {@code path} (within the context, no query) against the context's servlet mappings. */
    static ReplayMapping of(ServletContext context, String path) {
        Map<String, ? extends ServletRegistration> registrations;
        try {
            registrations = context.getServletRegistrations();
        } catch (RuntimeException e) {
            registrations = Map.of();
        }
        ReplayMapping best = null;
        int bestRank = Integer.MAX_VALUE;
        int bestLength = -1;
        for (ServletRegistration registration : registrations.values()) {
            for (String pattern : registration.getMappings()) {
                int rank = rank(pattern, path);
                int length = pattern.length();
                if (rank < bestRank || (rank == bestRank && length > bestLength)) {
                    ReplayMapping candidate = match(pattern, path, registration.getName());
                    if (candidate != null) {
                        best = candidate;
                        bestRank = rank;
                        bestLength = length;
                    }
                }
            }
        }
        // Nothing mapped (the forward then fails anyway): describe the whole path as the servlet path.
        return best != null ? best : new ReplayMapping(path, null, new Mapping("", "", "", MappingMatch.DEFAULT));
    }

    private static int rank(String pattern, String path) {
        if (pattern.isEmpty() || (!pattern.endsWith("/*") && !pattern.startsWith("*.") && !pattern.equals("/"))) {
            return 0;
        }
        return pattern.endsWith("/*") ? 1 : pattern.startsWith("*.") ? 2 : 3;
    }

    private static ReplayMapping match(String pattern, String path, String servlet) {
        if (pattern.isEmpty()) {
            return path.equals("/") ? new ReplayMapping("", "/", new Mapping("", "", servlet, MappingMatch.CONTEXT_ROOT)) : null;
        }
        if (pattern.equals("/")) {
            return new ReplayMapping(path, null, new Mapping("", "/", servlet, MappingMatch.DEFAULT));
        }
        if (pattern.endsWith("/*")) {
            String prefix = pattern.substring(0, pattern.length() - 2);
            if (!path.equals(prefix) && !path.startsWith(prefix + "/")) {
                return null;
            }
            String info = path.length() > prefix.length() ? path.substring(prefix.length()) : null;
            String value = info == null ? "" : info.substring(1);
            return new ReplayMapping(prefix, info, new Mapping(value, pattern, servlet, MappingMatch.PATH));
        }
        if (pattern.startsWith("*.")) {
            String extension = pattern.substring(1);
            String last = path.substring(path.lastIndexOf('/') + 1);
            if (!last.endsWith(extension) || last.length() == extension.length()) {
                return null;
            }
            String value = path.substring(1, path.length() - extension.length());
            return new ReplayMapping(path, null, new Mapping(value, pattern, servlet, MappingMatch.EXTENSION));
        }
        return path.equals(pattern) ? new ReplayMapping(path, null, new Mapping(path.substring(1), pattern, servlet, MappingMatch.EXACT)) : null;
    }
}
