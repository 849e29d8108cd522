package vn.schoolguard.internal.inject;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import vn.schoolguard.internal.net.PathPattern;

/**
 * Which pages of the application get the tracker, the portal block and the badges ({@code inject.include},
 * {@code inject.exclude}, {@code inject.exclude-defaults}). Patterns use the route syntax: {@code *} is one path
 * segment, {@code **} any number. Exclusion wins over inclusion and ignores letter case. Immutable and thread-safe.
 */
// Security-critical: a page that slips out of an exclusion sends its address (an admin URL) to the EMC service.
final class DecorationScope {

    /**
     * Administration and sign-in areas of the applications school sites run on. Their pages are not public, and
     * a third-party script has no business next to an editor or a password field.
     */
    static final List<String> DEFAULT_EXCLUDES = List.of(
            // Any application: admin areas, sign-in pages, servlet-container and database consoles.
            "/admin", "/admin/**", "/admin.jsp", "/administrator/**", "/manager/**", "/host-manager/**", "/console/**",
            "/login", "/login/**", "/login.jsp", "/logout", "/j_security_check",
            // WordPress-style paths, often probed on Java sites behind a PHP front.
            "/wp-admin/**", "/wp-login.php",
            // JSPWiki: editing, accounts and workflow pages.
            "/Edit.jsp", "/Delete.jsp", "/Rename.jsp", "/Upload.jsp", "/UserPreferences.jsp", "/LostPassword.jsp",
            "/Workflow.jsp", "/NewGroup.jsp", "/EditGroup.jsp",
            // Liferay control panel (6.2 and 7.x), OpenCms workplace, Magnolia admin.
            "/group/control_panel", "/group/control_panel/**", "/**/~/control_panel/**",
            "/system/workplace/**", "/.magnolia/**");


    private final List<Pattern> include;
    private final List<Pattern> exclude;

    DecorationScope(InjectSettings.Scope scope) {
        this.include = compile(scope.include(), false);
        List<String> excluded = new ArrayList<>(scope.excludeDefaults() ? DEFAULT_EXCLUDES : List.of());
        excluded.addAll(scope.exclude());
        this.exclude = compile(excluded, true);
    }

    /** Whether a pattern has the route syntax; the configuration refuses others. */
    static boolean valid(String pattern) {
        return PathPattern.SYNTAX.matcher(pattern).matches() && !pattern.contains("***");
    }

    /**
     * Whether the page at this path (decoded, within the context, no query) is decorated. Doubled slashes and one
     * trailing slash are read both ways, as for routes, so those variants cannot escape an exclusion.
     */
    boolean decorates(String path) {
        String loose = PathPattern.loose(path);
        if (matchesAny(exclude, path) || matchesAny(exclude, loose)) {
            return false;
        }
        return include.isEmpty() || matchesAny(include, path) || matchesAny(include, loose);
    }

    private static boolean matchesAny(List<Pattern> patterns, String path) {
        for (Pattern pattern : patterns) {
            if (pattern.matcher(path).matches()) {
                return true;
            }
        }
        return false;
    }

    private static List<Pattern> compile(List<String> patterns, boolean ignoreCase) {
        List<Pattern> compiled = new ArrayList<>();
        for (String pattern : patterns) {
            compiled.add(PathPattern.compile(pattern, ignoreCase));
        }
        return List.copyOf(compiled);
    }

    /** The route syntax: {@code **} any characters, {@code *} one non-empty segment, the rest literal. */
    @Override
    public String toString() {
        return "include " + include + ", exclude " + exclude.size() + " pattern(s)";
    }
}
