package vn.schoolguard.internal.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.schoolguard.internal.incident.IncidentKind;
import vn.schoolguard.internal.inject.ImplantAlert;
import vn.schoolguard.internal.inject.ImplantAlerts;
import vn.schoolguard.internal.inject.ImplantFinding;

/**
 * Turns the implant watch's alerts into IMPLANT incidents of one site: one incident per scanned page with the
 * findings not already raised for that page within the hour, so a planted link on a busy page is one mail an hour,
 * not one per visitor. Called on the scan thread; thread-safe.
 */
public final class ImplantIncidents implements ImplantAlerts {

    static final Duration QUIET = Duration.ofHours(1);
    static final int MAX_REMEMBERED = 2000;

    private final Alerts alerts;
    private final String siteKey;
    /** Page and finding → when last raised; the least recently raised are forgotten first. */
    private final Map<String, Instant> raised = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > MAX_REMEMBERED;
        }
    };

    public ImplantIncidents(Alerts alerts, String siteKey) {
        this.alerts = alerts;
        this.siteKey = siteKey;
    }

    @Override
    public void alert(ImplantAlert alert) {
        List<ImplantFinding> fresh = fresh(alert);
        if (fresh.isEmpty()) {
            return;
        }
        StringBuilder detail = new StringBuilder();
        for (ImplantFinding finding : fresh) {
            detail.append(detail.length() == 0 ? "" : "\n").append(finding.kind()).append(' ').append(finding.detail())
                    .append(" — \"").append(finding.excerpt()).append('"');
        }
        alerts.raise(siteKey, IncidentKind.IMPLANT, alert.page(), detail.toString());
    }

    private synchronized List<ImplantFinding> fresh(ImplantAlert alert) {
        Instant now = alerts.clock().instant();
        List<ImplantFinding> fresh = new ArrayList<>();
        for (ImplantFinding finding : alert.findings()) {
            String key = alert.page() + '\u0000' + finding.kind() + '\u0000' + finding.detail();
            Instant last = raised.get(key);
            if (last == null || !now.isBefore(last.plus(QUIET))) {
                raised.put(key, now);
                fresh.add(finding);
            }
        }
        return fresh;
    }
}
