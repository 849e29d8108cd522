package vn.schoolguard.internal.moderation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import vn.schoolguard.internal.net.PathPattern;

/**
 * One submission route: one or more methods and path patterns within the web application (the same handler
 * often answers at several addresses), with the role of each known field. In patterns, {@code *} stands for
 * one path segment and {@code **} for any number.
 *
 * @param name       the route's name in the configuration ({@code route.<name>.match})
 * @param label      shown to moderators
 * @param patterns   the method and path patterns, in configuration order (at least one)
 * @param fields     roles of named fields, in configuration order
 * @param keepUnlisted whether fields not named in {@code fields} are kept (scored as text) or dropped
 * @param htmlPolicy name of the sanitizer policy for HTML fields
 * @param success    when the application took a replayed submission ({@code route.<name>.success-*})
 * @param passIf     requests that go to the application unheld, such as a preview ({@code route.<name>.pass-if});
 *                   {@link PassCondition#NONE} when every request is held
 */
public record Route(String name, String label, List<Match> patterns, Map<String, FieldRole> fields,
                    boolean keepUnlisted, String htmlPolicy, SuccessRules success, PassCondition passIf) {

    /** Entries of a match list: a comma before the next {@code METHOD /path} (a comma inside a path stays). */
    private static final Pattern ENTRY_SEPARATOR = Pattern.compile("\\s*,\\s*(?=[A-Za-z]+\\s+/)");

    /** One method and path pattern of a route. */
    public record Match(String method, String pattern) {

        /** Whether a request with this method and exact path is this entry. */
        boolean matches(String requestMethod, String path) {
            return method.equals(requestMethod) && PatternCache.get(pattern).matcher(path).matches();
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    public Route {
        if (patterns == null || patterns.isEmpty()) {
            throw new IllegalArgumentException("a route needs at least one method and path pattern");
        }
        patterns = List.copyOf(patterns);
        // Keeps the configured order, which the console shows fields in.
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        success = success == null ? SuccessRules.DEFAULT : success;
        passIf = passIf == null ? PassCondition.NONE : passIf;
    }

    /** A route with one method and path pattern and no pass-through condition. */
    public Route(String name, String label, String method, String pattern, Map<String, FieldRole> fields,
                 boolean keepUnlisted, String htmlPolicy, SuccessRules success) {
        this(name, label, List.of(new Match(method, pattern)), fields, keepUnlisted, htmlPolicy, success, PassCondition.NONE);
    }

    /** A route with the default success rules. */
    public Route(String name, String label, String method, String pattern, Map<String, FieldRole> fields,
                 boolean keepUnlisted, String htmlPolicy) {
        this(name, label, method, pattern, fields, keepUnlisted, htmlPolicy, SuccessRules.DEFAULT);
    }

    /** The method of the first pattern. */
    public String method() {
        return patterns.get(0).method();
    }

    /** The first path pattern, e.g. {@code /news/*}{@code /comments}; see {@link #patterns()} for all of them. */
    public String pattern() {
        return patterns.get(0).pattern();
    }

    /** Every pattern as configured, e.g. {@code POST /news/*}{@code /comments, POST /api/comments}. */
    public String describe() {
        return String.join(", ", patterns.stream().map(Match::toString).toList());
    }

    /**
     * Whether a request with this method and path (within the context, no query string) is this route. Doubled
     * slashes and one trailing slash do not make another path: many applications answer those variants with the
     * same handler, so they must not pass by unmoderated (the capture then refuses the non-canonical ones).
     */
    public boolean matches(String requestMethod, String path) {
        String loose = PathPattern.loose(path);
        for (Match match : patterns) {
            if (match.matches(requestMethod, path) || match.matches(requestMethod, loose)) {
                return true;
            }
        }
        return false;
    }

    /** The role of a field; unlisted fields count as text. */
    public FieldRole roleOf(String field) {
        FieldRole role = fields.get(field);
        return role != null ? role : FieldRole.TEXT;
    }

    /**
     * Parses a match list such as {@code "POST /news/*}{@code /comments, POST /api/comments"}: one or more
     * entries separated by commas; empty when any entry has not the shape {@code METHOD /pattern}.
     */
    static Optional<List<Match>> parseMatches(String text) {
        List<Match> matches = new java.util.ArrayList<>();
        for (String entry : ENTRY_SEPARATOR.split(text.trim())) {
            Optional<String[]> one = parseMatch(entry);
            if (one.isEmpty()) {
                return Optional.empty();
            }
            Match match = new Match(one.get()[0], one.get()[1]);
            if (!matches.contains(match)) {
                matches.add(match);
            }
        }
        return Optional.of(matches);
    }

    /** Parses {@code "POST /news/*}{@code /comments"}; empty when the text has not that shape. */
    static Optional<String[]> parseMatch(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 2) {
            return Optional.empty();
        }
        String method = parts[0].toUpperCase(Locale.ROOT);
        if (!method.matches("POST|PUT|PATCH") || !PathPattern.SYNTAX.matcher(parts[1]).matches()) {
            return Optional.empty();
        }
        return Optional.of(new String[] {method, parts[1]});
    }

    /** Compiled path patterns, shared by all routes with the same pattern. */
    private static final class PatternCache {
        private static final java.util.concurrent.ConcurrentHashMap<String, Pattern> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

        static Pattern get(String pattern) {
            return CACHE.computeIfAbsent(pattern, p -> PathPattern.compile(p, false));
        }
    }
}
