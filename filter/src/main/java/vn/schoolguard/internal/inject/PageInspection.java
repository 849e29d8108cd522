package vn.schoolguard.internal.inject;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a compliance scanner sees in one page: the EMC tracker and its site IDs, links to a parent portal,
 * and planted content. Internal; public for the site check command.
 *
 * @param trackerFound  the page carries a working EMC tracker: a script (run as JavaScript, not in a comment,
 *                      attribute or text) whose {@code _govaq} commands set a site ID and the tracker URL on the
 *                      tracker host, with the tracker's script loaded from that host
 * @param siteIds       the site IDs the page's working trackers set
 * @param portalLinks   links to other {@code .gov.vn} / {@code .edu.vn} sites, the candidates for the parent portal
 * @param findings      planted content
 */
public record PageInspection(boolean trackerFound, List<String> siteIds, List<String> portalLinks,
                             List<ImplantFinding> findings) {

    private static final Pattern ANCHOR = Pattern.compile("<a\\s([^>]*)>", Pattern.CASE_INSENSITIVE);

    /** Inspects the HTML of {@code page}, looking for the EMC tracker on its usual host. */
    public static PageInspection of(String html, URI page, ImplantRules rules, Collection<String> allowedHosts) {
        return of(html, page, rules, allowedHosts, InjectSettings.DEFAULT_TRACKER_HOST);
    }

    /** Inspects the HTML of {@code page}, looking for the EMC tracker on {@code trackerHost}. */
    public static PageInspection of(String html, URI page, ImplantRules rules, Collection<String> allowedHosts,
                                    String trackerHost) {
        // The same recognition as the rewriter's, so that "check" passes exactly the pages that get no second tracker.
        TrackerWatch watch = new TrackerWatch(trackerHost);
        watch.feed(html.toCharArray(), 0, html.length());
        List<String> ids = List.copyOf(watch.siteIds());
        boolean tracker = !ids.isEmpty();
        String ownHost = page.getHost() == null ? "" : page.getHost().toLowerCase(Locale.ROOT);
        Set<String> portals = new LinkedHashSet<>();
        Matcher a = ANCHOR.matcher(html);
        while (a.find()) {
            String href = ImplantScanner.attribute(a.group(1), "href");
            String host = href == null ? null : ImplantScanner.host(href.trim());
            if (host != null && !host.equals(ownHost) && (host.endsWith(".gov.vn") || host.endsWith(".edu.vn"))) {
                portals.add(href.trim());
            }
        }
        List<ImplantFinding> findings = new ImplantScanner(rules, ApprovedContent.NONE, allowedHosts).scan(html, ownHost);
        return new PageInspection(tracker, ids, new ArrayList<>(portals), findings);
    }

    /** True when one of the portal links points at {@code portal} (same host, and same path when it has one). */
    public boolean linksTo(URI portal) {
        String host = portal.getHost() == null ? "" : portal.getHost().toLowerCase(Locale.ROOT);
        String path = portal.getPath() == null || portal.getPath().equals("/") ? "" : portal.getPath();
        for (String link : portalLinks) {
            URI uri = URI.create(link.startsWith("//") ? "http:" + link : link.replace(" ", "%20"));
            String linkPath = uri.getPath() == null ? "" : uri.getPath();
            if (host.equals(uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT))
                    && (path.isEmpty() || linkPath.startsWith(path))) {
                return true;
            }
        }
        return false;
    }
}
