package vn.schoolguard.internal.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import vn.schoolguard.api.ConfigProblem;

/**
 * One site's settings over the shared ones: its key, where they were given ({@code site.<key>.} in the main settings
 * or a file of {@code sites.dir}), its hosts and the other values, with the problems found in them so far.
 */
public record SiteOverlay(String key, String origin, boolean fromFile, List<HostPattern> hosts,
                          Map<String, String> values, List<ConfigProblem> problems) {

    /** The key of a site's host names and patterns. */
    public static final String HOSTS = "hosts";
    /** A site's key: no dot, so that {@code site.<key>.<setting>} reads one way only. */
    public static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    /** Names that are settings under {@code site.} already, or a value of {@code sites.default}. */
    public static final Set<String> RESERVED = Set.of("key", "zone", "none");

    private static final Set<String> PLATFORM_KEYS = Set.of("data.dir", "console.path", "site.key",
            "accounts.password-iterations", "ratelimit.store");
    private static final List<String> PLATFORM_PREFIXES = List.of("store.", "proxies.", "replay.", "sites.", "site.");
    private static final Set<String> SITE_KEYS_UNDER_SITE = Set.of("site.zone");

    public SiteOverlay {
        hosts = List.copyOf(hosts);
        values = Map.copyOf(values);
        problems = List.copyOf(problems);
    }

    /**
     * Reads a site's raw values: {@code hosts} is parsed, platform-wide keys are refused; what the values mean is
     * checked when the site's settings are built.
     */
    public static SiteOverlay parse(String key, String origin, boolean fromFile, Map<String, String> raw) {
        List<ConfigProblem> problems = new ArrayList<>();
        List<HostPattern> hosts = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        SiteOverlay named = new SiteOverlay(key, origin, fromFile, List.of(), Map.of(), List.of());
        for (Map.Entry<String, String> entry : raw.entrySet()) {
            String name = entry.getKey().trim();
            String value = entry.getValue() == null ? "" : entry.getValue().trim();
            if (name.equals(HOSTS)) {
                readHosts(named, value, hosts, problems);
            } else if (isPlatformWide(name)) {
                problems.add(new ConfigProblem(named.problemKey(name), value, "no value here: " + name
                        + " is a setting of the whole platform, which one site cannot change (set it once, without a"
                        + " site prefix)"));
            } else {
                values.put(name, value);
            }
        }
        return new SiteOverlay(key, origin, fromFile, hosts, values, problems);
    }

    private static void readHosts(SiteOverlay named, String value, List<HostPattern> hosts, List<ConfigProblem> problems) {
        for (String item : value.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            HostPattern.parse(item).ifPresentOrElse(hosts::add,
                    () -> problems.add(new ConfigProblem(named.problemKey(HOSTS), item.trim(), HostPattern.expected())));
        }
    }

    /** Whether a key is the platform's alone (storage, proxies, replay, the console's path, the sites themselves). */
    public static boolean isPlatformWide(String name) {
        if (SITE_KEYS_UNDER_SITE.contains(name)) {
            return false;
        }
        return PLATFORM_KEYS.contains(name) || PLATFORM_PREFIXES.stream().anyMatch(name::startsWith);
    }

    /** The name a problem with one of this site's keys is reported under: the full key, or the file and the key. */
    public String problemKey(String name) {
        return fromFile ? origin + ": " + name : origin + name;
    }

    /** The same site with more problems (found when its settings were built). */
    public SiteOverlay withProblems(List<ConfigProblem> more) {
        List<ConfigProblem> all = new ArrayList<>(problems);
        all.addAll(more);
        return new SiteOverlay(key, origin, fromFile, hosts, values, all);
    }
}
