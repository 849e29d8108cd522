package vn.schoolguard.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.incident.HomeCheck;
import vn.schoolguard.internal.incident.Incident;
import vn.schoolguard.internal.incident.IncidentKind;
import vn.schoolguard.internal.report.MonthlyReport;
import vn.schoolguard.internal.report.ReportMonth;
import vn.schoolguard.internal.report.Reports;
import vn.schoolguard.internal.report.SiteActivity;
import vn.schoolguard.internal.report.SiteFigures;
import vn.schoolguard.internal.report.SiteReport;
import vn.schoolguard.testing.Databases;

/**
 * The report figures on H2 and PostgreSQL with several sites: each site's counts right, the department's the sum,
 * month boundaries in Asia/Ho_Chi_Minh, and nothing of one site in another's report.
 */
class JdbcReportQueriesTest {

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    /** 1 November 2026 00:00 in Vietnam, 31 October 17:00 UTC. */
    private static final Instant NOV = Instant.parse("2026-10-31T17:00:00Z");
    private static final Instant DEC = Instant.parse("2026-11-30T17:00:00Z");
    private static final String HOSTILE = "=cmd|'/c calc'!A1<script>alert(1)</script>";
    private static final ReportMonth NOVEMBER = ReportMonth.of(2026, 11);

    static Stream<Databases.Kind> kinds() {
        return Databases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void eachSitesFiguresAreItsOwnAndTheDepartmentsAreTheirSum(Databases.Kind kind) {
        try (Database db = Databases.open(kind)) {
            seed(db);
            JdbcReportQueries queries = new JdbcReportQueries(db);

            Map<String, SiteFigures> all = queries.figures(Optional.empty(), NOV, DEC);
            assertThat(all).containsOnlyKeys("ngoquyen", "lachtray", HOSTILE);
            assertThat(all.get("ngoquyen")).isEqualTo(new SiteFigures("ngoquyen", 5, 1, 1, 2, 1));
            assertThat(all.get("lachtray")).isEqualTo(new SiteFigures("lachtray", 1, 1, 0, 0, 0));
            assertThat(all.get(HOSTILE)).isEqualTo(new SiteFigures(HOSTILE, 1, 0, 0, 1, 0));
            assertThat(queries.figures(Optional.of("lachtray"), NOV, DEC)).containsOnlyKeys("lachtray");
            assertThat(queries.figures(Optional.of("nobody"), NOV, DEC)).isEmpty();

            Reports reports = new Reports(queries, new JdbcHomeChecks(db), new JdbcIncidentLog(db), VN,
                    Clock.fixed(Instant.parse("2026-12-02T03:00:00Z"), ZoneOffset.UTC));
            MonthlyReport department = reports.department(NOVEMBER);
            assertThat(department.sites()).extracting(SiteReport::siteKey).contains("ngoquyen", "lachtray", HOSTILE);
            assertThat(department.totals()).isEqualTo(new SiteFigures(MonthlyReport.ALL_SITES, 7, 2, 1, 3, 1));
            assertThat(department.incidentTotals()).containsEntry(IncidentKind.IMPLANT, 2L)
                    .containsEntry(IncidentKind.TRACKER_MISSING, 1L);
            assertThat(department.compliantSites()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aSitesReportHoldsNothingOfAnotherSite(Databases.Kind kind) {
        try (Database db = Databases.open(kind)) {
            seed(db);
            Reports reports = new Reports(new JdbcReportQueries(db), new JdbcHomeChecks(db), new JdbcIncidentLog(db), VN,
                    Clock.fixed(Instant.parse("2026-12-02T03:00:00Z"), ZoneOffset.UTC));

            MonthlyReport lachtray = reports.site("lachtray", NOVEMBER);
            assertThat(lachtray.sites()).singleElement().satisfies(site -> {
                assertThat(site.figures()).isEqualTo(new SiteFigures("lachtray", 1, 1, 0, 0, 0));
                assertThat(site.incidentCounts()).containsOnlyKeys(IncidentKind.TRACKER_MISSING);
                assertThat(site.incidents()).allSatisfy(i -> assertThat(i.siteKey()).isEqualTo("lachtray"));
                assertThat(site.campaigns()).isEmpty();
                assertThat(site.home()).isEmpty();
            });
            SiteReport ngoquyen = reports.site("ngoquyen", NOVEMBER).sites().get(0);
            assertThat(ngoquyen.takenDown()).isEqualTo(2);
            assertThat(ngoquyen.incidents()).extracting(Incident::page).containsExactly("/tin-tuc", "/");
            assertThat(ngoquyen.campaigns()).singleElement().satisfies(c -> {
                assertThat(c.count()).isEqualTo(2);
                assertThat(c.excerpt()).isEqualTo("nhà cái uy tín bet.example");
            });
            assertThat(ngoquyen.home()).hasValueSatisfying(h -> assertThat(h.compliant()).isTrue());
            assertThat(reports.site("nobody", NOVEMBER).sites().get(0).figures()).isEqualTo(SiteFigures.none("nobody"));
            assertThat(reports.site("ngoquyen", ReportMonth.of(2020, 1)).sites().get(0).figures())
                    .isEqualTo(SiteFigures.none("ngoquyen"));
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theDashboardCountsTheQueueNowAndTheLastThirtyDays(Databases.Kind kind) {
        try (Database db = Databases.open(kind)) {
            seed(db);
            Reports reports = new Reports(new JdbcReportQueries(db), new JdbcHomeChecks(db), new JdbcIncidentLog(db), VN,
                    Clock.fixed(Instant.parse("2026-12-10T00:00:00Z"), ZoneOffset.UTC));
            Map<String, SiteActivity> rows = new java.util.TreeMap<>();
            reports.dashboard(Optional.empty()).forEach(r -> rows.put(r.siteKey(), r.activity()));

            assertThat(rows.get("ngoquyen").pending()).isEqualTo(2);
            assertThat(rows.get("ngoquyen").oldestPending()).contains(NOV.minusSeconds(60));
            // Since 10 November: the rejection, the moderator's spam and the late approval; the campaign was earlier.
            assertThat(rows.get("ngoquyen").decisions()).isEqualTo(3);
            assertThat(rows.get("ngoquyen").spam()).isEqualTo(1);
            assertThat(rows.get("ngoquyen").implants()).isEqualTo(1);
            assertThat(rows.get("lachtray")).isEqualTo(new SiteActivity("lachtray", 0, Optional.empty(), 1, 0, 0));
            assertThat(reports.dashboard(Optional.of(HOSTILE))).singleElement()
                    .satisfies(r -> {
                        assertThat(r.activity()).isEqualTo(SiteActivity.none(HOSTILE));
                        assertThat(r.home()).hasValueSatisfying(h -> assertThat(h.detail()).isEqualTo(HOSTILE));
                    });
        }
    }

    /** November in Vietnam: ngoquyen 5 received (2 caught as spam, one campaign), lachtray 1, a hostile key 1. */
    private static void seed(Database db) {
        ReportRows rows = new ReportRows(db);
        // Received on 31 October at 23:59 in Vietnam: October's, though it is 31 October 16:59 UTC either way.
        rows.submission("ngoquyen", NOV.minusSeconds(60), "pending", "clean", "f0", "old");
        long a = rows.submission("ngoquyen", NOV, "approved", "clean", "f1", "cảm ơn thầy cô");
        rows.submission("ngoquyen", NOV.plusSeconds(3600), "spam", "spam", "camp", "nhà cái uy tín bet.example");
        rows.submission("ngoquyen", NOV.plusSeconds(7200), "spam", "spam", "camp", "nhà cái uy tín bet.example 2");
        long r = rows.submission("ngoquyen", NOV.plusSeconds(86_400 * 10), "rejected", "clean", "f2", "lạc đề");
        long s = rows.submission("ngoquyen", DEC.minusSeconds(1), "spam", "suspect", "f3", "xổ số");
        rows.submission("ngoquyen", DEC, "pending", "clean", "f4", "December's");
        rows.decision("ngoquyen", a, "approve", NOV.plusSeconds(60), "replaying", "approved");
        rows.decision("ngoquyen", r, "reject", NOV.plusSeconds(86_400 * 10 + 60), "pending", "rejected");
        rows.decision("ngoquyen", s, "spam", DEC.minusSeconds(1), "pending", "spam");
        long late = rows.submission("lachtray", NOV.plusSeconds(5), "approved", "clean", null, "xin chào");
        rows.decision("lachtray", late, "approve", NOV.minusSeconds(5), "replaying", "approved");
        rows.decision("lachtray", late, "approve", DEC.minusSeconds(5), "replaying", "approved");
        rows.decision("ngoquyen", a, "approve", DEC.plusSeconds(86_400 * 5), "replaying", "approved");
        rows.submission(HOSTILE, NOV.plusSeconds(1), "spam", "spam", "x", HOSTILE);

        JdbcIncidentLog incidents = new JdbcIncidentLog(db);
        incidents.record(Incident.of("ngoquyen", IncidentKind.IMPLANT, NOV.plusSeconds(60), "/tin-tuc", "bet link"));
        incidents.record(Incident.of("ngoquyen", IncidentKind.IMPLANT, DEC.minusSeconds(1), "/", HOSTILE));
        incidents.record(Incident.of("ngoquyen", IncidentKind.QUEUE_OLD, DEC, "", "December's"));
        incidents.record(Incident.of("lachtray", IncidentKind.TRACKER_MISSING, NOV.plusSeconds(5), "/", "no tracker"));
        JdbcHomeChecks homes = new JdbcHomeChecks(db);
        homes.save(new HomeCheck("ngoquyen", NOV, "http://ngoquyen.localhost/", 200, true, true, true, ""));
        homes.save(new HomeCheck(HOSTILE, NOV, "http://x/", 200, false, true, true, HOSTILE));
        assertThat(List.of(a, r, s)).doesNotHaveDuplicates();
    }
}
