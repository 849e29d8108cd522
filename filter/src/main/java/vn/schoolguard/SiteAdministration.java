package vn.schoolguard;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import vn.schoolguard.api.ConfigException;
import vn.schoolguard.api.ConfigProblem;
import vn.schoolguard.internal.log.Log;
import vn.schoolguard.internal.site.SiteFiles;
import vn.schoolguard.internal.site.SiteOverlay;
import vn.schoolguard.internal.web.SiteAdmin;

/** The sites page's work: the sites served and their problems; a new site checked in full before its file is written. */
final class SiteAdministration implements SiteAdmin {

    private static final Log LOG = Log.get(SchoolGuardFilter.class);
    /** The most a site's settings may hold, as a site file may. */
    private static final int MAX_CHARS = 64 * 1024;

    private final SiteRouter router;
    private final SchoolGuardConfig platform;

    SiteAdministration(SiteRouter router, SchoolGuardConfig platform) {
        this.router = router;
        this.platform = platform;
    }

    @Override
    public List<SiteRow> sites() {
        List<SiteRow> rows = new ArrayList<>();
        for (String key : router.siteKeys()) {
            SiteOverlay overlay = router.overlay(key).orElse(null);
            rows.add(new SiteRow(key, overlay == null ? "(shared settings)" : overlay.origin(),
                    overlay == null ? List.of() : overlay.hosts().stream().map(h -> h.text()).toList()));
        }
        return rows;
    }

    @Override
    public List<String> problems() {
        return router.problems().stream().map(ConfigProblem::message).toList();
    }

    @Override
    public synchronized List<String> add(String key, String properties) {
        Optional<Path> dir = platform.sites().dir();
        if (dir.isEmpty()) {
            return List.of("sites.dir is not set: sites can only be added in a sites directory");
        }
        if (SiteOverlay.RESERVED.contains(key) || !SiteOverlay.KEY.matcher(key).matches()) {
            return List.of(new ConfigProblem("key", key, "a site key of lower-case letters, digits and dashes, other than"
                    + " key, zone or none").message());
        }
        if (router.siteKeys().contains(key)) {
            return List.of(new ConfigProblem("key", key, "a key no site has yet").message());
        }
        if (properties.length() > MAX_CHARS) {
            return List.of("the settings are longer than " + MAX_CHARS + " characters");
        }
        Path file = dir.get().resolve(key + SiteFiles.SUFFIX);
        Map<String, String> values = new LinkedHashMap<>();
        try {
            Properties parsed = new Properties();
            parsed.load(new StringReader(properties));
            parsed.stringPropertyNames().forEach(name -> values.put(name.trim(), parsed.getProperty(name)));
        } catch (IOException | IllegalArgumentException e) {
            return List.of("the settings are not in properties format: " + e.getMessage());
        }
        SiteOverlay overlay = SiteOverlay.parse(key, file.toString(), true, values);
        List<String> problems = new ArrayList<>();
        try {
            SiteConfigs.forSite(platform, overlay);
        } catch (ConfigException e) {
            e.problems().forEach(p -> problems.add(p.message()));
        }
        if (overlay.hosts().isEmpty()) {
            problems.add(new ConfigProblem(overlay.problemKey(SiteOverlay.HOSTS), "", "at least one host name").message());
        }
        problems.addAll(router.hostConflicts(overlay).stream().map(ConfigProblem::message).toList());
        if (!problems.isEmpty()) {
            return problems;
        }
        try {
            SiteFiles.write(dir.get(), key, properties);
        } catch (IOException e) {
            return List.of("the file " + file + " cannot be written: " + e.getMessage());
        }
        LOG.info("Site {} added from the console: {}", key, file);
        router.reload();
        return List.of();
    }
}
