package vn.schoolguard.internal.site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.schoolguard.api.ConfigProblem;

/** Which site a host name belongs to: exact names first, then the most specific pattern. Immutable, thread-safe. */
public final class SiteHosts {

    private record Entry(HostPattern pattern, String site) {
    }

    private final Map<String, String> exact;
    private final List<Entry> patterns;

    private SiteHosts(Map<String, String> exact, List<Entry> patterns) {
        this.exact = Map.copyOf(exact);
        this.patterns = List.copyOf(patterns);
    }

    /**
     * The table of the given sites' hosts; an entry two sites both claim goes to neither and is reported in
     * {@code problems} (a request to it then gets the default site, never a school picked at random).
     */
    public static SiteHosts of(List<SiteOverlay> sites, List<ConfigProblem> problems) {
        Map<String, SiteOverlay> claimed = new HashMap<>();
        Map<String, String> exact = new HashMap<>();
        List<Entry> patterns = new ArrayList<>();
        for (SiteOverlay site : sites) {
            for (HostPattern pattern : site.hosts()) {
                SiteOverlay other = claimed.putIfAbsent(pattern.text(), site);
                if (other != null && !other.key().equals(site.key())) {
                    problems.add(new ConfigProblem(site.problemKey(SiteOverlay.HOSTS), pattern.text(),
                            "a host no other site names (site " + other.key() + " names it too)"));
                    exact.remove(pattern.text());
                    patterns.removeIf(e -> e.pattern().text().equals(pattern.text()));
                } else if (other == null && pattern.isExact()) {
                    exact.put(pattern.text(), site.key());
                } else if (other == null) {
                    patterns.add(new Entry(pattern, site.key()));
                }
            }
        }
        patterns.sort(Comparator.comparingInt((Entry e) -> -e.pattern().specificity()).thenComparing(Entry::site));
        return new SiteHosts(exact, patterns);
    }

    /** The site of a canonical host name, if one names it. */
    public Optional<String> siteOf(String host) {
        String site = exact.get(host);
        if (site != null) {
            return Optional.of(site);
        }
        for (Entry entry : patterns) {
            if (entry.pattern().matches(host)) {
                return Optional.of(entry.site());
            }
        }
        return Optional.empty();
    }
}
