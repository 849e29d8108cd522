package vn.schoolguard.inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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

    private enum Kind { IDENT, NUMBER, STRING, PUNCT, OTHER }

    private record Token(Kind kind, String text) {
        boolean is(String punctuation) {
            return kind == Kind.PUNCT && text.equals(punctuation);
        }
    }

    private static final Set<String> BEFORE_REGEX = Set.of("return", "typeof", "instanceof", "in", "of", "new",
            "delete", "void", "throw", "case", "do", "else", "yield", "await");

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
        List<Token> tokens = tokens(code, length);
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
        Address address = Address.parse(url);
        return address != null && address.on(host)
                && (address.path().endsWith("/gov-tracking.min.js") || address.path().endsWith("/gov-tracking.js"));
    }

    /**
     * True for an absolute (or scheme-relative) http(s) address on exactly {@code host}, a host name with an
     * optional {@code :port} as {@code emc.tracker-host} takes it.
     */
    static boolean onHost(String url, String host) {
        Address address = Address.parse(url);
        return address != null && address.on(host);
    }

    /** The parts of an http(s) address that decide where it goes; the port is -1 when it is the scheme's default. */
    private record Address(String host, int port, int defaultPort, String path) {

        // Security-critical: "f-emc.ngsp.gov.vn.evil.example", "evil.example/?f-emc..." and "f-emc...@evil" are other hosts.
        static Address parse(String url) {
            String u = url.trim().toLowerCase(Locale.ROOT);
            int defaultPort = u.startsWith("https://") ? 443 : u.startsWith("http://") ? 80 : u.startsWith("//") ? -1 : 0;
            if (defaultPort == 0) {
                return null;
            }
            int start = u.indexOf("//") + 2;
            int stop = start;
            while (stop < u.length() && "/\\?#".indexOf(u.charAt(stop)) < 0) {
                stop++;
            }
            String authority = u.substring(start, stop);
            if (authority.indexOf('@') >= 0) {
                return null;
            }
            int colon = authority.lastIndexOf(':');
            int port = colon < 0 ? -1 : port(authority.substring(colon + 1));
            if (port == -2) {
                return null;
            }
            String host = colon < 0 ? authority : authority.substring(0, colon);
            int pathEnd = stop;
            while (pathEnd < u.length() && u.charAt(pathEnd) != '?' && u.charAt(pathEnd) != '#') {
                pathEnd++;
            }
            return new Address(host.endsWith(".") ? host.substring(0, host.length() - 1) : host,
                    port == defaultPort ? -1 : port, defaultPort, u.substring(stop, pathEnd));
        }

        /** Whether this address is on {@code configured}, a host name with an optional port. */
        boolean on(String configured) {
            String c = configured.toLowerCase(Locale.ROOT);
            int colon = c.lastIndexOf(':');
            int wanted = colon < 0 ? -1 : port(c.substring(colon + 1));
            String wantedHost = colon < 0 ? c : c.substring(0, colon);
            return host.equals(wantedHost) && port == (wanted == defaultPort ? -1 : wanted);
        }

        /** The port number; -1 for none, -2 for one that is not a number. */
        private static int port(String digits) {
            if (digits.isEmpty()) {
                return -1;
            }
            if (digits.length() > 5 || !digits.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                return -2;
            }
            return Integer.parseInt(digits);
        }
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

    private static List<Token> tokens(char[] c, int n) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        boolean lineStart = true;
        while (i < n) {
            char ch = c[i];
            if (ch == '\n' || ch == '\r' || ch == '\u2028' || ch == '\u2029') {
                lineStart = true;
                i++;
            } else if (ch <= ' ' || ch == '\u00a0' || ch == '\ufeff') {
                i++;
            } else if (ch == '/' && i + 1 < n && c[i + 1] == '/'
                    || startsWith(c, n, i, "<!--") || lineStart && startsWith(c, n, i, "-->")) {
                // Line comments, including the HTML-like ones that old templates wrap their scripts in.
                i = lineEnd(c, i, n);
            } else if (ch == '/' && i + 1 < n && c[i + 1] == '*') {
                int close = indexOf(c, n, i + 2, "*/");
                i = close < 0 ? n : close + 2;
            } else {
                lineStart = false;
                i = token(c, n, i, out);
            }
        }
        return out;
    }

    /** Reads the token at {@code i} (not white space or a comment) into {@code out}; returns where it ends. */
    private static int token(char[] c, int n, int i, List<Token> out) {
        char ch = c[i];
        if (ch == '\'' || ch == '"') {
            StringBuilder value = new StringBuilder();
            int end = string(c, n, i + 1, ch, value);
            out.add(new Token(Kind.STRING, value.toString()));
            return end;
        }
        if (ch == '`') {
            StringBuilder value = new StringBuilder();
            int end = template(c, n, i + 1, value);
            out.add(end < 0 ? new Token(Kind.OTHER, "`") : new Token(Kind.STRING, value.toString()));
            return Math.abs(end);
        }
        boolean number = digit(ch) || ch == '.' && i + 1 < n && digit(c[i + 1]);
        if (number || identifierPart(ch)) {
            int end = i + 1;
            while (end < n && (identifierPart(c[end]) || number && c[end] == '.')) {
                end++;
            }
            out.add(new Token(number ? Kind.NUMBER : Kind.IDENT, new String(c, i, end - i)));
            return end;
        }
        if (ch == '/' && regexAllowed(out.isEmpty() ? null : out.get(out.size() - 1))) {
            out.add(new Token(Kind.OTHER, "/"));
            return regex(c, n, i + 1);
        }
        out.add(new Token(Kind.PUNCT, String.valueOf(ch)));
        return i + 1;
    }

    /** Reads a quoted string's value from {@code i} (after the quote); returns the index after the closing quote. */
    private static int string(char[] c, int n, int i, char quote, StringBuilder value) {
        while (i < n && c[i] != quote) {
            if (c[i] == '\\' && i + 1 < n) {
                i = escape(c, n, i + 1, value);
            } else if (c[i] == '\n' || c[i] == '\r') {
                return i;
            } else {
                value.append(c[i++]);
            }
        }
        return Math.min(i + 1, n);
    }

    /**
     * Reads a template literal from {@code i}; returns the index after it, negated when it has a substitution
     * (then it is no constant string).
     */
    private static int template(char[] c, int n, int i, StringBuilder value) {
        boolean substituted = false;
        while (i < n && c[i] != '`') {
            if (c[i] == '\\' && i + 1 < n) {
                i = escape(c, n, i + 1, value);
            } else if (c[i] == '$' && i + 1 < n && c[i + 1] == '{') {
                substituted = true;
                int depth = 0;
                while (i < n && !(c[i] == '}' && --depth == 0)) {
                    if (c[i] == '{') {
                        depth++;
                    }
                    i++;
                }
                i++;
            } else {
                value.append(c[i++]);
            }
        }
        int end = Math.min(i + 1, n);
        return substituted ? -end : end;
    }

    /** Decodes the escape whose letter is at {@code i}; returns the index after it. */
    private static int escape(char[] c, int n, int i, StringBuilder value) {
        char e = c[i];
        int hexLength = e == 'x' ? 2 : e == 'u' && !(i + 1 < n && c[i + 1] == '{') ? 4 : 0;
        if (hexLength > 0 && i + hexLength < n) {
            try {
                value.append((char) Integer.parseInt(new String(c, i + 1, hexLength), 16));
                return i + 1 + hexLength;
            } catch (NumberFormatException notHex) {
                value.append(e);
                return i + 1;
            }
        }
        if (e == 'u') {
            int close = indexOf(c, n, i, "}");
            try {
                value.appendCodePoint(Integer.parseInt(new String(c, i + 2, close - i - 2), 16));
                return close + 1;
            } catch (RuntimeException notHex) {
                value.append(e);
                return i + 1;
            }
        }
        switch (e) {
            case 'n' -> value.append('\n');
            case 't' -> value.append('\t');
            case 'r' -> value.append('\r');
            case 'b' -> value.append('\b');
            case 'f' -> value.append('\f');
            case 'v' -> value.append('\u000b');
            case '0' -> value.append('\0');
            case '\n', '\r', '\u2028', '\u2029' -> { }
            default -> value.append(e);
        }
        return i + 1;
    }

    /** Skips a regular expression literal from {@code i} (after its slash); returns the index after its flags. */
    private static int regex(char[] c, int n, int i) {
        boolean inClass = false;
        while (i < n && c[i] != '\n' && c[i] != '\r') {
            char ch = c[i++];
            if (ch == '\\') {
                i++;
            } else if (ch == '[') {
                inClass = true;
            } else if (ch == ']') {
                inClass = false;
            } else if (ch == '/' && !inClass) {
                break;
            }
        }
        while (i < n && identifierPart(c[i])) {
            i++;
        }
        return Math.min(i, n);
    }

    // After a value a slash divides; after an operator, an opening bracket or a keyword it starts a regex.
    private static boolean regexAllowed(Token previous) {
        if (previous == null) {
            return true;
        }
        return switch (previous.kind()) {
            case PUNCT -> !previous.is(")") && !previous.is("]") && !previous.is("}");
            case IDENT -> BEFORE_REGEX.contains(previous.text());
            default -> false;
        };
    }

    private static boolean digit(char ch) {
        return ch >= '0' && ch <= '9';
    }

    private static boolean identifierPart(char ch) {
        return ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '_' || ch == '$'
                || ch > 0x7f && Character.isJavaIdentifierPart(ch);
    }

    private static int lineEnd(char[] c, int i, int n) {
        while (i < n && c[i] != '\n' && c[i] != '\r' && c[i] != '\u2028' && c[i] != '\u2029') {
            i++;
        }
        return i;
    }

    private static boolean startsWith(char[] c, int n, int i, String s) {
        if (i + s.length() > n) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (c[i + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(char[] c, int n, int from, String s) {
        for (int i = from; i + s.length() <= n; i++) {
            if (startsWith(c, n, i, s)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean contains(char[] c, int n, String s) {
        return indexOf(c, n, 0, s) >= 0;
    }
}
