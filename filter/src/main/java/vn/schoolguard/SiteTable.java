package vn.schoolguard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.schoolguard.api.ConfigException;
import vn.schoolguard.api.ConfigProblem;
import vn.schoolguard.internal.site.HostName;
import vn.schoolguard.internal.site.SiteHosts;
import vn.schoolguard.internal.site.SiteOverlay;

/**
 * The sites being served at one moment: each site's settings and the host table. Immutable; a reload builds a new
 * table from the previous one, keeping a site's previous good settings when its file has a problem.
 */
final class SiteTable {

    private final SiteHosts hosts;
    private final Map<String, SchoolGuardConfig> configs;
    /** The overlay each site's settings were built from, to tell a changed file from an unchanged one. */
    private final Map<String, SiteOverlay> overlays;
    private final Optional<String> defaultSite;
    private final List<ConfigProblem> problems;

    private SiteTable(SiteHosts hosts, Map<String, SchoolGuardConfig> configs, Map<String, SiteOverlay> overlays,
                      Optional<String> defaultSite, List<ConfigProblem> problems) {
        this.hosts = hosts;
        this.configs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(configs));
        this.overlays = Map.copyOf(overlays);
        this.defaultSite = defaultSite;
        this.problems = List.copyOf(problems);
    }

    /** The sites of the main settings and of the files, over {@code previous} (null at startup). */
    static SiteTable build(SchoolGuardConfig platform, List<SiteOverlay> files, SiteTable previous) {
        Map<String, SchoolGuardConfig> configs = new LinkedHashMap<>();
        Map<String, SiteOverlay> good = new LinkedHashMap<>();
        List<ConfigProblem> problems = new ArrayList<>();
        configs.put(platform.siteKey(), platform);
        List<SiteOverlay> all = new ArrayList<>(platform.sites().overlays());
        for (SiteOverlay file : files) {
            if (platform.sites().overlays().stream().anyMatch(o -> o.key().equals(file.key()))) {
                problems.add(new ConfigProblem(file.origin(), file.key(), "a site not given in the main settings as well"
                        + " (site." + file.key() + ".*): give each site in one place"));
            } else {
                all.add(file);
            }
        }
        for (SiteOverlay overlay : all) {
            SiteOverlay before = previous == null ? null : previous.overlays.get(overlay.key());
            if (overlay.equals(before)) {
                configs.put(overlay.key(), previous.configs.get(overlay.key()));
                good.put(overlay.key(), overlay);
                continue;
            }
            try {
                configs.put(overlay.key(), SiteConfigs.forSite(platform, overlay));
                good.put(overlay.key(), overlay);
            } catch (ConfigException e) {
                problems.addAll(e.problems());
                if (before != null) {
                    // The previous good version keeps running until the file is fixed.
                    configs.put(overlay.key(), previous.configs.get(overlay.key()));
                    good.put(overlay.key(), before);
                }
            }
        }
        SiteHosts hosts = SiteHosts.of(List.copyOf(good.values()), problems);
        return new SiteTable(hosts, configs, good, platform.sites().defaultSite(), problems);
    }

    /** The key of the site serving a host name (as the request gives it), or empty when none does (421). */
    Optional<String> siteFor(String serverName) {
        Optional<String> named = HostName.canonical(serverName).flatMap(hosts::siteOf);
        Optional<String> site = named.isPresent() ? named : defaultSite;
        return site.filter(configs::containsKey);
    }

    Optional<SchoolGuardConfig> config(String siteKey) {
        return Optional.ofNullable(configs.get(siteKey));
    }

    Optional<SiteOverlay> overlay(String siteKey) {
        return Optional.ofNullable(overlays.get(siteKey));
    }

    /** The problems a candidate site's hosts would have next to the sites now served. */
    List<ConfigProblem> hostConflicts(SiteOverlay candidate) {
        List<SiteOverlay> all = new ArrayList<>(overlays.values());
        all.add(candidate);
        List<ConfigProblem> problems = new ArrayList<>();
        SiteHosts.of(all, problems);
        return problems.stream().filter(p -> p.key().startsWith(candidate.origin())).toList();
    }

    /** Every site's key, the shared settings' own first. */
    List<String> siteKeys() {
        return List.copyOf(configs.keySet());
    }

    /** What is wrong with the sites' settings now (a site with a problem runs its previous good version, if any). */
    List<ConfigProblem> problems() {
        return problems;
    }
}
