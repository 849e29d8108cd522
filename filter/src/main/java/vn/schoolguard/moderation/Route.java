package vn.schoolguard.moderation;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One submission route: a method and a path pattern within the web application, with the role of
 * each known field. In patterns, {@code *} stands for one path segment and {@code **} for any number.
 *
 * @param name       the route's name in the configuration ({@code route.<name>.match})
 * @param label      shown to moderators
 * @param method     upper-case HTTP method
 * @param pattern    the path pattern as configured, e.g. {@code /news/*}{@code /comments}
 * @param fields     roles of named fields, in configuration order
 * @param keepUnlisted whether fields not named in {@code fields} are kept (scored as text) or dropped
 * @param htmlPolicy name of the sanitizer policy for HTML fields
 */
public record Route(String name, String label, String method, String pattern, Map<String, FieldRole> fields,
                    boolean keepUnlisted, String htmlPolicy) {

    private static final Pattern SYNTAX = Pattern.compile("/[A-Za-z0-9._~!$&'()+,;=:@%*/-]*");

    public Route {
        // Keeps the configured order, which the console shows fields in.
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }

    /**
     * Whether a request with this method and path (within the context, no query string) is this route. Doubled
     * slashes and one trailing slash do not make another path: many applications answer those variants with the
     * same handler, so they must not pass by unmoderated (the capture then refuses the non-canonical ones).
     */
    public boolean matches(String requestMethod, String path) {
        if (!method.equals(requestMethod)) {
            return false;
        }
        String loose = path.indexOf("//") >= 0 ? path.replaceAll("/{2,}", "/") : path;
        if (loose.length() > 1 && loose.endsWith("/")) {
            loose = loose.substring(0, loose.length() - 1);
        }
        return compiled().matcher(path).matches() || compiled().matcher(loose).matches();
    }

    /** The role of a field; unlisted fields count as text. */
    public FieldRole roleOf(String field) {
        FieldRole role = fields.get(field);
        return role != null ? role : FieldRole.TEXT;
    }

    private Pattern compiled() {
        return PatternCache.get(pattern);
    }

    /** Parses {@code "POST /news/*}{@code /comments"}; empty when the text has not that shape. */
    static Optional<String[]> parseMatch(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 2) {
            return Optional.empty();
        }
        String method = parts[0].toUpperCase(Locale.ROOT);
        if (!method.matches("POST|PUT|PATCH") || !SYNTAX.matcher(parts[1]).matches()) {
            return Optional.empty();
        }
        return Optional.of(new String[] {method, parts[1]});
    }

    /** Compiled path patterns, shared by all routes with the same pattern. */
    private static final class PatternCache {
        private static final java.util.concurrent.ConcurrentHashMap<String, Pattern> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

        static Pattern get(String pattern) {
            return CACHE.computeIfAbsent(pattern, PatternCache::compile);
        }

        private static Pattern compile(String pattern) {
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '*' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                    regex.append(".*");
                    i++;
                } else if (c == '*') {
                    regex.append("[^/]+");
                } else {
                    regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return Pattern.compile(regex.toString());
        }
    }
}
