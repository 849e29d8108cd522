package vn.schoolguard.internal.spam;

import java.util.LinkedHashSet;
import java.util.Set;

/** The hosts a submission links to or names, and how domain rules match them. */
final class Hosts {

    private Hosts() {
    }

    /** Link targets, domains named in the text and the e-mail domain, folded, at most {@link SpamScorer#MAX_HOSTS}. */
    static Set<String> of(HtmlSignals html, Analysis text, ScoringInput input) {
        Set<String> hosts = new LinkedHashSet<>();
        Set<String> linked = new java.util.HashSet<>();
        for (String host : html.hosts()) {
            // A host linked again folds to what is in the set already: fold it once.
            if (linked.add(host)) {
                add(hosts, host);
            }
        }
        for (String host : text.textDomains) {
            add(hosts, host);
        }
        int at = input.email().lastIndexOf('@');
        if (at >= 0) {
            add(hosts, input.email().substring(at + 1).trim());
        }
        return hosts;
    }

    private static void add(Set<String> hosts, String host) {
        // Longer than any DNS name is not a host; folding it would only cost time (the e-mail field is unbounded).
        if (hosts.size() >= SpamScorer.MAX_HOSTS || host.length() > SpamScorer.MAX_HOST_LENGTH * 2) {
            return;
        }
        String folded = fold(host);
        if (folded.contains(".") && folded.length() <= SpamScorer.MAX_HOST_LENGTH) {
            hosts.add(folded);
        }
    }

    /** A host as the hosts set holds it: folded, without "www.". */
    static String fold(String host) {
        // A host of small letters, digits, dots and dashes folds to itself: most links, each folded several times.
        String folded = plain(host) ? host : TextNormalizer.compactHost(host);
        return folded.startsWith("www.") ? folded.substring(4) : folded;
    }

    /** Whether {@code host} ends in "." and {@code domain}: as {@code host.endsWith("." + domain)}, without the string. */
    static boolean under(String host, String domain) {
        int dot = host.length() - domain.length() - 1;
        return dot >= 0 && host.charAt(dot) == '.' && host.startsWith(domain, dot + 1);
    }

    private static boolean plain(String host) {
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Whether a domain rule (suffixes, or expressions after {@code ~}) matches a host. */
    static boolean matches(Rule rule, String host, Budget budget) {
        if (host.length() > SpamScorer.MAX_HOST_LENGTH) {
            return false;
        }
        for (Rule.Entry entry : rule.entries()) {
            if (entry.pattern() != null) {
                if (entry.pattern().matcher(budget.guard(host)).matches()) {
                    return true;
                }
            } else if (host.equals(entry.words()) || under(host, entry.words())) {
                return true;
            }
        }
        return false;
    }
}
