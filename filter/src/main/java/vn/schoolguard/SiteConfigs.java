package vn.schoolguard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.schoolguard.api.ConfigException;
import vn.schoolguard.api.ConfigProblem;
import vn.schoolguard.internal.site.HostPattern;
import vn.schoolguard.internal.site.SiteHosts;
import vn.schoolguard.internal.site.SiteOverlay;

/** A site's settings: the shared ones with its overlay, read and validated by the same code as the shared ones. */
final class SiteConfigs {

    private SiteConfigs() {
    }

    /**
     * The settings of one site.
     *
     * @throws ConfigException naming every problem with the site's prefix or file and the key
     */
    static SchoolGuardConfig forSite(SchoolGuardConfig platform, SiteOverlay overlay) {
        List<ConfigProblem> problems = new ArrayList<>(overlay.problems());
        Map<String, String> values = platform.sharedValues();
        values.putAll(overlay.values());
        values.put("site.key", overlay.key());
        values.put("data.dir", platform.dataDir().toString());
        // The home-page self-check goes to the shared address: it must ask for this site's page, not the default's.
        if (!overlay.values().containsKey("selfcheck.host")) {
            overlay.hosts().stream().filter(HostPattern::isExact).findFirst()
                    .ifPresent(host -> values.put("selfcheck.host", String.join(".", host.labels())));
        }
        List<ConfigProblem> found = new ArrayList<>();
        SchoolGuardConfig site = SchoolGuardConfig.read(values, platform.dataDir(), found);
        for (ConfigProblem problem : found) {
            problems.add(new ConfigProblem(overlay.problemKey(problem.key()), problem.value(), problem.expected()));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return site;
    }

    /** Whether a problem is about the sites' own settings rather than the shared ones. */
    static boolean aboutSites(ConfigProblem problem) {
        return problem.key().startsWith("site.") && !problem.key().equals("site.key") && !problem.key().equals("site.zone")
                || problem.key().startsWith("sites.");
    }

    /**
     * The problems of the sites given in the main settings: their overlays, their hosts, and (when the shared
     * settings are sound, so that their own problems are not repeated per site) their settings built in full.
     */
    static List<ConfigProblem> check(SchoolGuardConfig platform, boolean sharedSound) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (SiteOverlay overlay : platform.sites().overlays()) {
            if (!sharedSound) {
                problems.addAll(overlay.problems());
                continue;
            }
            try {
                forSite(platform, overlay);
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            }
        }
        SiteHosts.of(platform.sites().overlays(), problems);
        return problems;
    }
}
