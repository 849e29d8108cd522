package vn.schoolguard.internal.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import vn.schoolguard.internal.incident.HomeCheck;
import vn.schoolguard.internal.incident.Incident;
import vn.schoolguard.internal.incident.IncidentKind;

/**
 * One site's part of a monthly report.
 *
 * @param figures        submissions received and decided
 * @param incidentCounts incidents of the month by kind; kinds without any are absent
 * @param home           the latest home-page check (EMC tracker, label, parent-portal link); empty when never checked
 * @param campaigns      the biggest spam campaigns, biggest first
 * @param incidents      the month's incidents, oldest first (at most {@link Reports#INCIDENTS_PER_SITE})
 */
public record SiteReport(SiteFigures figures, Map<IncidentKind, Long> incidentCounts, Optional<HomeCheck> home,
                         List<Campaign> campaigns, List<Incident> incidents) {

    public SiteReport {
        Objects.requireNonNull(figures, "figures");
        incidentCounts = Map.copyOf(incidentCounts);
        campaigns = List.copyOf(campaigns);
        incidents = List.copyOf(incidents);
    }

    public String siteKey() {
        return figures.siteKey();
    }

    public long incidents(IncidentKind kind) {
        return incidentCounts.getOrDefault(kind, 0L);
    }

    /** Content taken down: planted content found in the site's served pages (incidents of kind implant). */
    public long takenDown() {
        return incidents(IncidentKind.IMPLANT);
    }
}
