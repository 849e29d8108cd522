package vn.schoolguard.internal.net;

import java.util.regex.Pattern;

/**
 * Path patterns within a web application, as routes and decoration scopes write them: {@code *} stands for one
 * path segment and {@code **} for any number. Internal.
 */
public final class PathPattern {

    /** The characters a pattern may hold; the configuration refuses others. */
    public static final Pattern SYNTAX = Pattern.compile("/[A-Za-z0-9._~!$&'()+,;=:@%*/-]*");

    private PathPattern() {
    }

    /** The regular expression a pattern stands for, matched against a whole decoded path. */
    public static Pattern compile(String pattern, boolean ignoreCase) {
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
        int flags = ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
        return Pattern.compile(regex.toString(), flags | Pattern.DOTALL);
    }

    /**
     * The path with doubled slashes folded and one trailing slash dropped. Many applications answer those variants
     * with the same handler, so a pattern is matched against both forms.
     */
    public static String loose(String path) {
        String loose = path.indexOf("//") >= 0 ? path.replaceAll("/{2,}", "/") : path;
        return loose.length() > 1 && loose.endsWith("/") ? loose.substring(0, loose.length() - 1) : loose;
    }
}
