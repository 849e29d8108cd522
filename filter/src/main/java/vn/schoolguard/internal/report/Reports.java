package vn.schoolguard.internal.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import vn.schoolguard.internal.incident.HomeCheck;
import vn.schoolguard.internal.incident.HomeChecks;
import vn.schoolguard.internal.incident.Incident;
import vn.schoolguard.internal.incident.IncidentLog;

/**
 * Makes monthly reports and the dashboard's rows from the figures of {@link ReportQueries}: a fixed number of
 * queries for one site or for all of them. Thread-safe.
 */
public final class Reports {

    /** The incidents listed per site; the counts by kind cover all of them. */
    public static final int INCIDENTS_PER_SITE = 50;
    public static final int CAMPAIGNS_PER_SITE = 5;
    /** How far back the dashboard's decisions, spam and implants go. */
    public static final Duration DASHBOARD_WINDOW = Duration.ofDays(30);

    private final ReportQueries queries;
    private final HomeChecks homeChecks;
    private final IncidentLog incidentLog;
    private final ZoneId zone;
    private final Clock clock;

    /** @param zone the zone month boundaries are in ({@code site.zone}) */
    public Reports(ReportQueries queries, HomeChecks homeChecks, IncidentLog incidentLog, ZoneId zone, Clock clock) {
        this.queries = queries;
        this.homeChecks = homeChecks;
        this.incidentLog = incidentLog;
        this.zone = zone;
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** Parses a month from a path or an option against today's date in the site's zone. */
    public ReportMonth month(String text) {
        return ReportMonth.parse(text, today());
    }

    /** The last {@code count} months that have ended, newest first. */
    public List<ReportMonth> recentMonths(int count) {
        List<ReportMonth> months = new ArrayList<>();
        ReportMonth month = ReportMonth.before(today());
        for (int i = 0; i < count && !month.month().isBefore(ReportMonth.FIRST); i++) {
            months.add(month);
            month = new ReportMonth(month.month().minusMonths(1));
        }
        return months;
    }

    /** One site's report; a site without data gets a report of zeros. */
    public MonthlyReport site(String siteKey, ReportMonth month) {
        return report(Optional.of(siteKey), new TreeSet<>(List.of(siteKey)), month);
    }

    /** Every site's report, one part per site the store holds. */
    public MonthlyReport department(ReportMonth month) {
        return report(Optional.empty(), queries.siteKeys(), month);
    }

    private MonthlyReport report(Optional<String> scope, SortedSet<String> keys, ReportMonth month) {
        Instant from = month.start(zone);
        Instant to = month.end(zone);
        Map<String, SiteFigures> figures = queries.figures(scope, from, to);
        var counts = queries.incidentCounts(scope, from, to);
        var incidents = queries.incidents(scope, from, to, INCIDENTS_PER_SITE);
        var campaigns = queries.campaigns(scope, from, to, CAMPAIGNS_PER_SITE);
        Map<String, HomeCheck> homes = scope.isPresent()
                ? homeChecks.latest(scope.get()).map(h -> Map.of(h.siteKey(), h)).orElse(Map.of()) : homeChecks.all();
        SortedSet<String> all = new TreeSet<>(keys);
        // A site known only by its rows in one table still gets its part.
        if (scope.isEmpty()) {
            all.addAll(figures.keySet());
            all.addAll(counts.keySet());
        }
        List<SiteReport> sites = new ArrayList<>();
        for (String key : all) {
            sites.add(new SiteReport(figures.getOrDefault(key, SiteFigures.none(key)), counts.getOrDefault(key, Map.of()),
                    Optional.ofNullable(homes.get(key)), campaigns.getOrDefault(key, List.of()),
                    incidents.getOrDefault(key, List.of())));
        }
        return new MonthlyReport(month, zone, clock.instant(), scope.isEmpty(), sites);
    }

    /** Every site key the store holds. */
    public SortedSet<String> siteKeys() {
        return queries.siteKeys();
    }

    /** A site's latest incidents, newest first. */
    public List<Incident> recentIncidents(String siteKey, int limit) {
        return incidentLog.recent(siteKey, limit);
    }

    /** The dashboard's rows, one per site, with the site's latest home-page check. */
    public List<DashboardRow> dashboard(Optional<String> site) {
        Map<String, SiteActivity> activity = queries.activity(site, clock.instant().minus(DASHBOARD_WINDOW));
        Map<String, HomeCheck> homes = site.isPresent()
                ? homeChecks.latest(site.get()).map(h -> Map.of(h.siteKey(), h)).orElse(Map.of()) : homeChecks.all();
        SortedSet<String> keys = site.isPresent() ? new TreeSet<>(List.of(site.get())) : queries.siteKeys();
        if (site.isEmpty()) {
            keys.addAll(activity.keySet());
        }
        List<DashboardRow> rows = new ArrayList<>();
        for (String key : keys) {
            rows.add(new DashboardRow(activity.getOrDefault(key, SiteActivity.none(key)), Optional.ofNullable(homes.get(key))));
        }
        return rows;
    }
}
