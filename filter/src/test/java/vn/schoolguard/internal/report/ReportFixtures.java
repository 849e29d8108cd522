package vn.schoolguard.internal.report;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.schoolguard.internal.incident.HomeCheck;
import vn.schoolguard.internal.incident.Incident;
import vn.schoolguard.internal.incident.IncidentKind;

/** Reports with hostile texts in every field, for the format tests. */
final class ReportFixtures {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    static final Instant AT = Instant.parse("2026-11-15T03:04:00Z");
    static final String SCRIPT = "<script>alert('x')</script>";
    static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"bấm\")";
    static final String HOSTILE_KEY = "+cmd|' /C calc'!A0";

    private ReportFixtures() {
    }

    static SiteReport ngoquyen() {
        return new SiteReport(new SiteFigures("ngoquyen", 120, 80, 7, 30, 3),
                Map.of(IncidentKind.IMPLANT, 2L, IncidentKind.PORTAL_MISSING, 1L),
                Optional.of(new HomeCheck("ngoquyen", AT, "http://ngoquyen.localhost/", 200, true, true, false,
                        "không thấy liên kết cổng " + SCRIPT)),
                List.of(new Campaign("ngoquyen", "f", 25, AT, AT.plusSeconds(3600), "nổ hũ đổi thưởng " + FORMULA)),
                List.of(new Incident(1, "ngoquyen", IncidentKind.IMPLANT, AT, "/tin-tuc/7", "-2+3 " + SCRIPT),
                        new Incident(2, "ngoquyen", IncidentKind.PORTAL_MISSING, AT.plusSeconds(60), "/", "@SUM(A1)")));
    }

    static SiteReport hostile() {
        return new SiteReport(new SiteFigures(HOSTILE_KEY, 1, 0, 0, 1, 0), Map.of(), Optional.empty(), List.of(),
                List.of(new Incident(3, HOSTILE_KEY, IncidentKind.QUEUE_OLD, AT, FORMULA, SCRIPT)));
    }

    static MonthlyReport site() {
        return new MonthlyReport(ReportMonth.of(2026, 11), VN, AT.plusSeconds(86_400 * 20), false, List.of(ngoquyen()));
    }

    static MonthlyReport department() {
        return new MonthlyReport(ReportMonth.of(2026, 11), VN, AT.plusSeconds(86_400 * 20), true,
                List.of(ngoquyen(), hostile()));
    }
}
