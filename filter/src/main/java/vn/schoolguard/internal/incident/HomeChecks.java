package vn.schoolguard.internal.incident;

import java.util.Map;
import java.util.Optional;

/** The port to the latest home-page check of each site. Implementations are thread-safe. */
public interface HomeChecks {

    /** Keeps {@code check} as the site's latest, replacing the one before. */
    void save(HomeCheck check);

    Optional<HomeCheck> latest(String siteKey);

    /** The latest check of every site that has one, by site key. */
    Map<String, HomeCheck> all();
}
