package vn.schoolguard.internal.web;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a form sends the moderator back to. Only console pages are accepted, so a crafted link cannot
 * turn the console into an open redirect.
 */
// Security-critical: every redirect target that comes from a request passes through here.
final class ConsoleReturn {

    private static final Pattern SHAPE = Pattern.compile(
            "/(queue|history|accounts|login|reports|department|items/[0-9]{1,18})(\\?[A-Za-z0-9%._~&=+-]*)?");
    private static final Set<String> FLASH_PARAMS = Set.of("done", "id", "n", "failed", "lang");

    private ConsoleReturn() {
    }

    /** The path if it is a console page (without notice parameters), else the queue. */
    static String clean(String path) {
        if (path == null || !SHAPE.matcher(path).matches()) {
            return "/queue";
        }
        int q = path.indexOf('?');
        if (q < 0) {
            return path;
        }
        StringBuilder kept = new StringBuilder();
        for (String pair : path.substring(q + 1).split("&")) {
            String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            if (!pair.isEmpty() && !FLASH_PARAMS.contains(name)) {
                kept.append(kept.length() == 0 ? "" : "&").append(pair);
            }
        }
        return path.substring(0, q) + (kept.length() == 0 ? "" : "?" + kept);
    }

    /** The path with a notice added. */
    static String withFlash(String path, String flashQuery) {
        String clean = clean(path);
        return clean + (clean.indexOf('?') < 0 ? "?" : "&") + flashQuery;
    }
}
