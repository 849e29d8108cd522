package vn.schoolguard.internal.inject;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import vn.schoolguard.internal.log.Log;

/**
 * Gambling link hosts that the implant watch found planted in pages ({@code implant.strip=true}): every
 * later HTML response has them defanged. Bounded, thread-safe; filled from the scan thread.
 */
final class PlantedHosts implements ImplantAlerts {

    private static final Log LOG = Log.get("vn.schoolguard.implant");
    static final int MAX_HOSTS = 200;

    private final Set<String> hosts = ConcurrentHashMap.newKeySet();
    private volatile Defang defang;

    @Override
    public void alert(ImplantAlert alert) {
        boolean added = false;
        for (ImplantFinding finding : alert.findings()) {
            if (finding.kind().equals("gambling-link")) {
                String host = host(finding.detail());
                if (host != null && hosts.size() < MAX_HOSTS && hosts.add(host)) {
                    LOG.warn("Links to {} found planted on {} are stripped from every page from now on", host, alert.page());
                    added = true;
                }
            }
        }
        if (added) {
            defang = new Defang(Set.copyOf(hosts));
        }
    }

    /** The defanging to apply to a response, or null while nothing was found. */
    Defang current() {
        return defang;
    }

    static String host(String href) {
        try {
            String h = new URI(href.trim()).getHost();
            if (h == null || h.length() < 4 || h.indexOf('.') < 0) {
                return null;
            }
            return h.toLowerCase(Locale.ROOT).startsWith("www.") ? h.toLowerCase(Locale.ROOT).substring(4) : h.toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
