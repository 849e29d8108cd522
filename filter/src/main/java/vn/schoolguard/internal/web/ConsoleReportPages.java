package vn.schoolguard.internal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import vn.schoolguard.internal.incident.HomeCheck;
import vn.schoolguard.internal.incident.Incident;
import vn.schoolguard.internal.report.DashboardRow;
import vn.schoolguard.internal.report.DashboardSort;
import vn.schoolguard.internal.report.ReportMonth;
import vn.schoolguard.internal.report.ReportReminder;
import vn.schoolguard.internal.report.Reports;

/**
 * {@code /reports} (this site's monthly reports to download, and the reminder that one is due), {@code /department}
 * (every site's figures, sortable by {@code ?sort=}) and {@code /department/sites/{key}} (one site's drill-down).
 */
final class ConsoleReportPages {

    static final int MONTHS = 12;
    static final int INCIDENTS = 20;
    private static final Pattern PLAIN = Pattern.compile("[a-z0-9][a-z0-9.-]{0,99}");

    private final Reports reports;
    private final String siteKey;

    ConsoleReportPages(ConsoleServices.ReportServices services) {
        this.reports = services.reports();
        this.siteKey = services.siteKey();
    }

    void reports(ConsoleContext ctx) throws IOException {
        Map<String, Object> model = ctx.model(ctx.text("console.reports.title"), "reports");
        boolean department = ctx.has("department");
        model.put("site", siteKey);
        model.put("intro", ctx.text("console.reports.intro", siteKey));
        model.put("department", department);
        model.put("months", months(ctx, ctx.base + "/api/reports/", department ? ctx.base + "/api/department/reports/" : null));
        reminder(ctx, model);
        ctx.render(200, "reports", model);
    }

    void dashboard(ConsoleContext ctx) throws IOException {
        DashboardSort sort = DashboardSort.byKey(Optional.ofNullable(ctx.request.getParameter("sort")).orElse("site"))
                .orElse(DashboardSort.SITE);
        Map<String, Object> model = ctx.model(ctx.text("console.department.title"), "department");
        Instant now = Instant.now(reports.clock());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DashboardRow row : sort.sort(reports.dashboard(Optional.empty()))) {
            rows.add(row(ctx, row, now));
        }
        model.put("rows", rows);
        model.put("total", rows.size());
        model.put("intro", ctx.text("console.department.intro", Reports.DASHBOARD_WINDOW.toDays()));
        List<Map<String, Object>> columns = new ArrayList<>();
        for (DashboardSort s : DashboardSort.values()) {
            columns.add(Map.of("label", ctx.text("console.department.col." + s.key()),
                    "url", ctx.base + "/department?sort=" + s.key(), "current", s == sort));
        }
        model.put("columns", columns);
        model.put("months", months(ctx, null, ctx.base + "/api/department/reports/"));
        reminder(ctx, model);
        ctx.render(200, "department", model);
    }

    void site(ConsoleContext ctx, String rawKey) throws IOException {
        String key = decode(rawKey);
        if (key == null || !reports.siteKeys().contains(key)) {
            ctx.error(404, "console.department.unknown-site");
            return;
        }
        Map<String, Object> model = ctx.model(ctx.text("console.department.site-title", key), "department");
        model.put("site", key);
        model.put("row", row(ctx, reports.dashboard(Optional.of(key)).get(0), Instant.now(reports.clock())));
        List<Map<String, Object>> incidents = new ArrayList<>();
        for (Incident i : reports.recentIncidents(key, INCIDENTS)) {
            incidents.add(Map.of("time", ConsoleFormat.time(i.at()), "kind", ctx.text("console.incident." + i.kind().key()),
                    "page", i.page(), "detail", i.detail()));
        }
        model.put("incidents", incidents);
        model.put("months", months(ctx, ctx.base + "/api/department/sites/" + encode(key) + "/reports/", null));
        ctx.render(200, "department-site", model);
    }

    private Map<String, Object> row(ConsoleContext ctx, DashboardRow row, Instant now) {
        Map<String, Object> r = new LinkedHashMap<>();
        var a = row.activity();
        r.put("site", row.siteKey());
        r.put("url", ctx.base + "/department/sites/" + encode(row.siteKey()));
        r.put("pending", a.pending());
        r.put("oldest", a.oldestPending().map(t -> age(ctx, Duration.between(t, now))).orElse("–"));
        r.put("decisions", a.decisions());
        r.put("spam", a.spam());
        r.put("implants", a.implants());
        Optional<HomeCheck> home = row.home();
        r.put("checked", home.isPresent());
        r.put("checkedAt", home.map(h -> ConsoleFormat.time(h.checkedAt())).orElse(ctx.text("console.department.never")));
        r.put("tracker", mark(ctx, home.map(HomeCheck::tracker)));
        r.put("label", mark(ctx, home.map(HomeCheck::label)));
        r.put("portal", mark(ctx, home.map(HomeCheck::portal)));
        r.put("homeUrl", home.map(HomeCheck::url).orElse(""));
        r.put("homeDetail", home.map(HomeCheck::detail).orElse(""));
        r.put("compliant", home.map(HomeCheck::compliant).orElse(false));
        return r;
    }

    private static Map<String, Object> mark(ConsoleContext ctx, Optional<Boolean> passed) {
        String key = passed.map(p -> p ? "yes" : "no").orElse("never");
        return Map.of("text", ctx.text("console.department." + key), "kind", key);
    }

    private List<Map<String, Object>> months(ConsoleContext ctx, String site, String department) {
        String lang = ctx.messages().language().equals("en") ? "?lang=en" : "";
        List<Map<String, Object>> months = new ArrayList<>();
        for (ReportMonth month : reports.recentMonths(MONTHS)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("month", month.display());
            m.put("key", month.toString());
            m.put("pdf", site == null ? null : site + month + ".pdf" + lang);
            m.put("csv", site == null ? null : site + month + ".csv" + lang);
            m.put("departmentPdf", department == null ? null : department + month + ".pdf" + lang);
            m.put("departmentCsv", department == null ? null : department + month + ".csv" + lang);
            months.add(m);
        }
        return months;
    }

    private void reminder(ConsoleContext ctx, Map<String, Object> model) {
        model.put("reminder", ReportReminder.on(reports.today()).map(due -> ctx.text("console.reports.reminder",
                due.month().display(), due.due().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))))
                .orElse(null));
    }

    private static String age(ConsoleContext ctx, Duration age) {
        long hours = Math.max(0, age.toHours());
        return hours >= 48 ? ctx.text("console.department.days", hours / 24) : ctx.text("console.department.hours", hours);
    }

    /**
     * A site key from its path segment ({@link #encode}), or null when the segment is no encoding of one. Site keys
     * come from the database, so they may hold a slash or other characters containers refuse in a path.
     */
    static String decode(String segment) {
        if (PLAIN.matcher(segment).matches()) {
            return segment;
        }
        if (segment.length() < 2 || segment.charAt(0) != '~') {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(segment.substring(1)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A plain site key as it is; any other as {@code ~} and its UTF-8 bytes in unpadded base64url. */
    static String encode(String key) {
        return PLAIN.matcher(key).matches() ? key
                : "~" + Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }
}
