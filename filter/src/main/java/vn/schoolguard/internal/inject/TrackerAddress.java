package vn.schoolguard.internal.inject;

import java.util.Locale;

/** The parts of an http(s) address that decide where it goes; the port is -1 when it is the scheme's default. */
record TrackerAddress(String host, int port, int defaultPort, String path) {

    // Security-critical: "f-emc.ngsp.gov.vn.evil.example", "evil.example/?f-emc..." and "f-emc...@evil" are other hosts.
    static TrackerAddress parse(String url) {
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
        return new TrackerAddress(host.endsWith(".") ? host.substring(0, host.length() - 1) : host,
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
