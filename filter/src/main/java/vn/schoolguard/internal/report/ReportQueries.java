package vn.schoolguard.internal.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;

import vn.schoolguard.internal.incident.Incident;
import vn.schoolguard.internal.incident.IncidentKind;

/**
 * The port to the figures reports are made of. Every method answers all sites at once, keyed by site key (or the
 * one site {@code site} names): one query per figure however many sites there are. Sites without any data in the
 * period are absent. Implementations are thread-safe.
 */
public interface ReportQueries {

    /** Every site key the store holds. */
    SortedSet<String> siteKeys();

    /** Submissions received and decided in {@code [from, to)}. */
    Map<String, SiteFigures> figures(Optional<String> site, Instant from, Instant to);

    /** Incidents of each kind in {@code [from, to)}. */
    Map<String, Map<IncidentKind, Long>> incidentCounts(Optional<String> site, Instant from, Instant to);

    /** Each site's incidents in {@code [from, to)}, oldest first, at most {@code perSite} each. */
    Map<String, List<Incident>> incidents(Optional<String> site, Instant from, Instant to, int perSite);

    /** Each site's biggest spam campaigns received in {@code [from, to)}, biggest first, at most {@code perSite}. */
    Map<String, List<Campaign>> campaigns(Optional<String> site, Instant from, Instant to, int perSite);

    /** The dashboard's figures: the queue now, and decisions, spam and implants since {@code since}. */
    Map<String, SiteActivity> activity(Optional<String> site, Instant since);
}
