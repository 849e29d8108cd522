package vn.schoolguard.internal.site;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.schoolguard.internal.config.ConfigReader;

/**
 * How a deployment serves several sites: {@code sites.default} (the site of a host no site names, or {@code none}),
 * {@code sites.dir} (one {@code <key>.properties} per site, re-read every {@code sites.reload-interval}) and the
 * sites given in the main settings as {@code site.<key>.<setting>}.
 *
 * @param defaultSite the key of the site for unknown hosts; empty when they are refused (421)
 */
public record SitesSettings(Optional<String> defaultSite, Optional<Path> dir, Duration reloadInterval,
                            List<SiteOverlay> overlays) {

    public static final String NONE = "none";

    public SitesSettings {
        overlays = List.copyOf(overlays);
    }

    /** Reads the keys; {@code baseKey} is {@code site.key}, the site the shared settings describe. */
    public static SitesSettings read(ConfigReader reader, String baseKey) {
        String fallback = reader.string("sites.default", baseKey);
        Optional<String> defaultSite = Optional.of(fallback);
        if (fallback.equals(NONE)) {
            defaultSite = Optional.empty();
        } else if (!fallback.equals(baseKey) && !SiteOverlay.KEY.matcher(fallback).matches()) {
            reader.problem("sites.default", fallback, "a site key (lower-case letters, digits and dashes) or none");
        }
        Optional<Path> dir = Optional.ofNullable(reader.path("sites.dir", null)).map(Path::toAbsolutePath);
        Duration reload = reader.duration("sites.reload-interval", Duration.ofSeconds(30), Duration.ofSeconds(1),
                Duration.ofDays(1));
        List<SiteOverlay> overlays = new ArrayList<>();
        for (String name : reader.names("site.")) {
            String prefix = "site." + name + ".";
            if (reader.section(prefix).isEmpty()) {
                continue; // site.key, site.zone: settings of their own
            }
            if (SiteOverlay.RESERVED.contains(name) || !SiteOverlay.KEY.matcher(name).matches()) {
                reader.section(prefix).forEach((key, value) -> reader.problem(prefix + key, value, "a site key other"
                        + " than key, zone or none, of lower-case letters, digits and dashes (site.<key>.<setting>)"));
                continue;
            }
            overlays.add(SiteOverlay.parse(name, prefix, false, reader.section(prefix)));
        }
        if (dir.isEmpty() && defaultSite.isPresent() && !defaultSite.get().equals(baseKey)
                && overlays.stream().noneMatch(o -> o.key().equals(fallback))) {
            reader.problem("sites.default", fallback, "the key of a configured site (" + baseKey + " or a site.<key>."
                    + " section), or none");
        }
        return new SitesSettings(defaultSite, dir, reload, overlays);
    }

    /** True when only the one site of the shared settings is served (no overlay, no sites directory). */
    public boolean single() {
        return overlays.isEmpty() && dir.isEmpty();
    }
}
