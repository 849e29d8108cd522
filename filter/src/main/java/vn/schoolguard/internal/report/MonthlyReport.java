package vn.schoolguard.internal.report;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import vn.schoolguard.internal.incident.IncidentKind;

/**
 * The monthly report of one site or of the department (every site), as it was on {@code generatedAt}.
 *
 * @param month       the month covered
 * @param zone        the zone its boundaries are in
 * @param generatedAt when it was made
 * @param department  whether it covers every site of the store
 * @param sites       each site's part, by site key
 */
public record MonthlyReport(ReportMonth month, ZoneId zone, Instant generatedAt, boolean department,
                            List<SiteReport> sites) {

    /** The site key the totals of a department report are written under. */
    public static final String ALL_SITES = "*";

    public MonthlyReport {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(generatedAt, "generatedAt");
        sites = List.copyOf(sites);
    }

    public Instant from() {
        return month.start(zone);
    }

    public Instant to() {
        return month.end(zone);
    }

    /** The figures of every site added up. */
    public SiteFigures totals() {
        SiteFigures total = SiteFigures.none(ALL_SITES);
        for (SiteReport site : sites) {
            total = total.plus(site.figures(), ALL_SITES);
        }
        return total;
    }

    /** Incidents of every site by kind. */
    public Map<IncidentKind, Long> incidentTotals() {
        Map<IncidentKind, Long> totals = new EnumMap<>(IncidentKind.class);
        for (SiteReport site : sites) {
            site.incidentCounts().forEach((kind, count) -> totals.merge(kind, count, Long::sum));
        }
        return totals;
    }

    /** How many sites' home pages passed every check the last time they were looked at. */
    public long compliantSites() {
        return sites.stream().filter(s -> s.home().map(h -> h.compliant()).orElse(false)).count();
    }
}
