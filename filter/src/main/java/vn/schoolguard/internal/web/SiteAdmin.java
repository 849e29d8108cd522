package vn.schoolguard.internal.web;

import java.util.List;

/** The platform's sites, for the admin of the platform's own site: what runs, what is wrong, and adding a site. */
public interface SiteAdmin {

    /** One site being served: its key and where its settings come from. */
    record SiteRow(String key, String origin, List<String> hosts) {
        public SiteRow {
            hosts = List.copyOf(hosts);
        }
    }

    List<SiteRow> sites();

    /** What is wrong with the sites' settings now, one message per problem naming the file or prefix, key and value. */
    List<String> problems();

    /**
     * Validates a new site's settings ({@code <key>.properties} text) and, when they are sound, writes the file into
     * {@code sites.dir} and re-reads the directory.
     *
     * @return the problems; empty when the site was added
     */
    List<String> add(String key, String properties);
}
