package vn.schoolguard.internal.inject;

import java.util.List;

import vn.schoolguard.internal.inject.ScriptTokens.Kind;
import vn.schoolguard.internal.inject.ScriptTokens.Token;

/**
 * Reads one inline script for the EMC bootstrap: {@code _govaq.push([command, argument])} calls in its code,
 * never in its strings, comments or regular expressions.
 */
final class TrackerScript {

    /**
     * What one script sets up.
     *
     * @param siteId       the site ID it gives the tracker (the last {@code setSiteId} wins, as in the tracker)
     * @param loadsTracker it loads the tracker's script itself (a string naming it, as in {@code g.src='...'})
     */
    record Bootstrap(String siteId, boolean loadsTracker) {
    }

    private TrackerScript() {
    }

    /**
     * The bootstrap in {@code code[0, length)}, or null when the script sets no site ID or does not send its
     * data to {@code host} (the last {@code setTrackerUrl} must point there).
     */
    // Security-critical: only what a browser would run as the queue's commands may count as "tracker present".
    static Bootstrap read(char[] code, int length, String host) {
        if (!contains(code, length, "setSiteId")) {
            return null;
        }
        List<Token> tokens = ScriptTokens.of(code, length);
        String siteId = null;
        String trackerUrl = null;
        boolean loads = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() == Kind.STRING && isLoader(token.text(), host)) {
                loads = true;
            }
            String[] command = push(tokens, i);
            if (command == null) {
                continue;
            }
            if (command[0].equals("setSiteId")) {
                siteId = command[1].trim();
            } else if (command[0].equals("setTrackerUrl")) {
                trackerUrl = command[1];
            }
        }
        if (siteId == null || siteId.isEmpty() || trackerUrl == null || !onHost(trackerUrl, host)) {
            return null;
        }
        return new Bootstrap(siteId, loads);
    }

    /** True for an address of {@code host}'s tracker script, {@code .../gov-tracking.min.js} (or {@code .js}). */
    static boolean isLoader(String url, String host) {
        TrackerAddress address = TrackerAddress.parse(url);
        return address != null && address.on(host)
                && (address.path().endsWith("/gov-tracking.min.js") || address.path().endsWith("/gov-tracking.js"));
    }

    /**
     * True for an absolute (or scheme-relative) http(s) address on exactly {@code host}, a host name with an
     * optional {@code :port} as {@code emc.tracker-host} takes it.
     */
    static boolean onHost(String url, String host) {
        TrackerAddress address = TrackerAddress.parse(url);
        return address != null && address.on(host);
    }

    /** {@code [command, argument]} when tokens from {@code i} are {@code _govaq.push(['command', argument])}. */
    private static String[] push(List<Token> t, int i) {
        if (i + 9 >= t.size() || !queue(t, i)) {
            return null;
        }
        if (!t.get(i + 1).is(".") || !t.get(i + 2).text().equals("push") || t.get(i + 2).kind() != Kind.IDENT
                || !t.get(i + 3).is("(") || !t.get(i + 4).is("[") || t.get(i + 5).kind() != Kind.STRING
                || !t.get(i + 6).is(",") || !t.get(i + 8).is("]") || !t.get(i + 9).is(")")) {
            return null;
        }
        Token argument = t.get(i + 7);
        if (argument.kind() != Kind.STRING && argument.kind() != Kind.NUMBER) {
            return null;
        }
        return new String[] {t.get(i + 5).text(), argument.text()};
    }

    /** {@code _govaq} as a global: on its own or as {@code window._govaq}, not a property of something else. */
    private static boolean queue(List<Token> t, int i) {
        Token token = t.get(i);
        if (token.kind() != Kind.IDENT || !token.text().equals("_govaq")) {
            return false;
        }
        if (i == 0 || !t.get(i - 1).is(".")) {
            return true;
        }
        return i >= 2 && t.get(i - 2).kind() == Kind.IDENT && t.get(i - 2).text().equals("window")
                && (i == 2 || !t.get(i - 3).is("."));
    }

    private static boolean contains(char[] c, int n, String s) {
        return ScriptTokens.indexOf(c, n, 0, s) >= 0;
    }
}
