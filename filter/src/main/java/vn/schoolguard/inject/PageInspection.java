package vn.schoolguard.inject;

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
 * @param trackerFound  the page loads the EMC tracker
 * @param siteIds       the site IDs the page's tracker sets
 * @param portalLinks   links to other {@code .gov.vn} / {@code .edu.vn} sites, the candidates for the parent portal
 * @param findings      planted content
 */
public record PageInspection(boolean trackerFound, List<String> siteIds, List<String> portalLinks,
                             List<ImplantFinding> findings) {

    private static final Pattern SITE_ID = Pattern.compile("setSiteId['\"]?\\s*,\\s*['\"]?(\\d+)");
    private static final Pattern TRACKER = Pattern.compile("_govaq|gov-tracking(\\.min)?\\.js");
    private static final Pattern ANCHOR = Pattern.compile("<a\\s([^>]*)>", Pattern.CASE_INSENSITIVE);

    /** Inspects the HTML of {@code page}. */
    public static PageInspection of(String html, URI page, ImplantRules rules, Collection<String> allowedHosts) {
        boolean tracker = TRACKER.matcher(html).find();
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = SITE_ID.matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
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
        return new PageInspection(tracker, List.copyOf(ids), new ArrayList<>(portals), findings);
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
