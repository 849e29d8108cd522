package vn.schoolguard.internal.site;

import java.net.IDN;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One entry of a site's {@code hosts}: an exact name ({@code ngoquyen.localhost}) or a pattern in which {@code *}
 * stands for exactly one label ({@code *.quangngai.edu.vn}, {@code ngoquyen.*.edu.vn}).
 */
public record HostPattern(String text, List<String> labels) {

    static final String WILDCARD = "*";

    public HostPattern {
        labels = List.copyOf(labels);
    }

    /** The pattern of one configured item, or empty when it is not one (the caller reports the problem). */
    public static Optional<HostPattern> parse(String item) {
        String text = item.trim().toLowerCase(Locale.ROOT);
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty() || text.length() > HostName.MAX_LENGTH) {
            return Optional.empty();
        }
        List<String> labels = new java.util.ArrayList<>();
        int literal = 0;
        for (String label : text.split("\\.", -1)) {
            if (label.equals(WILDCARD)) {
                labels.add(label);
                continue;
            }
            String ascii;
            try {
                ascii = IDN.toASCII(label, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            if (!HostName.isLabel(ascii)) {
                return Optional.empty();
            }
            labels.add(ascii);
            literal++;
        }
        // A pattern of wildcards alone would take every host: that is what sites.default is for.
        return literal == 0 ? Optional.empty() : Optional.of(new HostPattern(String.join(".", labels), labels));
    }

    /** What a configuration problem says a host entry should look like. */
    public static String expected() {
        return "host names or patterns separated by commas, such as ngoquyen.localhost, *.quangngai.edu.vn"
                + " (* stands for one label; at least one label is a name)";
    }

    public boolean isExact() {
        return !labels.contains(WILDCARD);
    }

    /** Whether a canonical host name (see {@link HostName#canonical}) matches. */
    public boolean matches(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != labels.size()) {
            return false;
        }
        for (int i = 0; i < parts.length; i++) {
            if (!labels.get(i).equals(WILDCARD) && !labels.get(i).equals(parts[i])) {
                return false;
            }
        }
        return true;
    }

    /** More named labels first; then the later first wildcard ({@code ngoquyen.*.edu.vn} before {@code *.haiphong.edu.vn}). */
    int specificity() {
        long literal = labels.stream().filter(l -> !l.equals(WILDCARD)).count();
        int firstWildcard = labels.indexOf(WILDCARD);
        return (int) literal * 1000 + (firstWildcard < 0 ? 999 : firstWildcard);
    }
}
