package vn.schoolguard.internal.site;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Host names as sites are chosen by them: lower case, no trailing dot, an IDN in its ASCII (punycode) form. */
public final class HostName {

    /** The longest DNS name; anything longer is no site's name. */
    static final int MAX_LENGTH = 253;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private HostName() {
    }

    /**
     * The canonical form of the name a request was sent to, or empty when it is no DNS name (blank, an IPv6 literal,
     * a port or user part left in, too long, characters a host name cannot hold): such a request gets the default site.
     */
    public static Optional<String> canonical(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        // No trimming: a control character or a space is no part of a name, wherever it stands.
        if (raw.chars().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
            return Optional.empty();
        }
        String host = raw;
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        // Bound the work before IDN conversion: a name this long is refused whatever it holds.
        if (host.isEmpty() || host.length() > MAX_LENGTH * 4) {
            return Optional.empty();
        }
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return isName(ascii) ? Optional.of(ascii) : Optional.empty();
    }

    /** True for a lower-case ASCII DNS name of at most 253 characters. */
    static boolean isName(String ascii) {
        if (ascii.isEmpty() || ascii.length() > MAX_LENGTH) {
            return false;
        }
        for (String label : ascii.split("\\.", -1)) {
            if (!isLabel(label)) {
                return false;
            }
        }
        return true;
    }

    static boolean isLabel(String label) {
        return LABEL.matcher(label).matches();
    }
}
