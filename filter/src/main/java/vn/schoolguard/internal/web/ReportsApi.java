package vn.schoolguard.internal.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.schoolguard.internal.incident.HomeCheck;
import vn.schoolguard.internal.report.DashboardRow;
import vn.schoolguard.internal.report.DashboardSort;
import vn.schoolguard.internal.report.MonthlyReport;
import vn.schoolguard.internal.report.ReportCsv;
import vn.schoolguard.internal.report.ReportMonth;
import vn.schoolguard.internal.report.ReportPdf;
import vn.schoolguard.internal.report.ReportTexts;
import vn.schoolguard.internal.report.Reports;

/**
 * {@code <console>/api/reports/{yyyy-MM}.pdf|.csv} (this site's monthly report),
 * {@code /api/department/reports/{yyyy-MM}.pdf|.csv} (every site's) and {@code /api/department/sites} (the
 * dashboard's rows as JSON). A month that is malformed, not yet begun or before 2020 is a 400 with the reason.
 */
final class ReportsApi {

    private static final Pattern FILE = Pattern.compile("(.{1,16})\\.(pdf|csv)");
    static final String BAD_FILE = "a report is named yyyy-MM.pdf or yyyy-MM.csv, such as 2026-11.pdf";

    /** A site's row of {@code /api/department/sites}; times are ISO instants, absent ones null. */
    record SiteJson(String site, long pending, String oldestPendingAt, long decisions30d, long spam30d,
                    long implants30d, HomeJson home) {
    }

    /** The latest home-page check; {@code checked} false (and the rest empty) when the site was never checked. */
    record HomeJson(boolean checked, String checkedAt, String url, int status, boolean tracker, boolean label,
                    boolean portal, boolean compliant, String detail) {
        static HomeJson of(Optional<HomeCheck> home) {
            return home.map(h -> new HomeJson(true, h.checkedAt().toString(), h.url(), h.status(), h.tracker(), h.label(),
                    h.portal(), h.compliant(), h.detail()))
                    .orElse(new HomeJson(false, null, null, 0, false, false, false, false, null));
        }
    }

    record SitesJson(List<SiteJson> items, int total, String sort, long windowDays) {
    }

    private final Reports reports;
    private final String siteKey;

    ReportsApi(ConsoleServices.ReportServices services) {
        this.reports = services.reports();
        this.siteKey = services.siteKey();
    }

    void site(ConsoleContext ctx, String file) throws IOException {
        send(ctx, file, siteKey);
    }

    void department(ConsoleContext ctx, String file) throws IOException {
        send(ctx, file, null);
    }

    /** One site's report for the department, the site named by its percent-encoded key. */
    void siteForDepartment(ConsoleContext ctx, String rawKey, String file) throws IOException {
        String key = ConsoleReportPages.decode(rawKey);
        if (key == null || !reports.siteKeys().contains(key)) {
            Http.jsonError(ctx.response, 404, "no site with this key");
            return;
        }
        send(ctx, file, key);
    }

    void sites(ConsoleContext ctx) throws IOException {
        String asked = Optional.ofNullable(ctx.request.getParameter("sort")).orElse("site");
        Optional<DashboardSort> sort = DashboardSort.byKey(asked);
        if (sort.isEmpty()) {
            Http.jsonError(ctx.response, 400, "sort is one of " + String.join(", ", DashboardSort.keys()));
            return;
        }
        List<SiteJson> items = sort.get().sort(reports.dashboard(Optional.empty())).stream().map(ReportsApi::json).toList();
        Http.json(ctx.response, 200, new SitesJson(items, items.size(), sort.get().key(),
                Reports.DASHBOARD_WINDOW.toDays()));
    }

    static SiteJson json(DashboardRow row) {
        var a = row.activity();
        return new SiteJson(row.siteKey(), a.pending(), a.oldestPending().map(Instant::toString).orElse(null), a.decisions(), a.spam(),
                a.implants(), HomeJson.of(row.home()));
    }

    /** {@code site} null: the department's report. */
    private void send(ConsoleContext ctx, String file, String site) throws IOException {
        Matcher m = FILE.matcher(file);
        if (!m.matches()) {
            Http.jsonError(ctx.response, 400, BAD_FILE);
            return;
        }
        String language = Optional.ofNullable(ctx.request.getParameter("lang")).orElse("vi");
        if (!language.equals("vi") && !language.equals("en")) {
            Http.jsonError(ctx.response, 400, "lang is vi or en");
            return;
        }
        ReportMonth month;
        try {
            month = reports.month(m.group(1));
        } catch (ReportMonth.InvalidMonth e) {
            Http.jsonError(ctx.response, 400, e.getMessage());
            return;
        }
        MonthlyReport report = site == null ? reports.department(month) : reports.site(site, month);
        download(ctx, report, ReportTexts.of(language), m.group(2), fileName(site == null ? "department" : site, month));
    }

    /** Writes the report whole before answering, so a failure is a clean 503 rather than half a file. */
    static void download(ConsoleContext ctx, MonthlyReport report, ReportTexts texts, String format, String name)
            throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (format.equals("pdf")) {
            ReportPdf.write(report, texts, body);
            ctx.response.setContentType("application/pdf");
        } else {
            try (Writer out = new OutputStreamWriter(body, StandardCharsets.UTF_8)) {
                ReportCsv.write(report, texts, out);
            }
            ctx.response.setContentType("text/csv; charset=UTF-8");
        }
        ctx.response.setStatus(200);
        ctx.response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "." + format + "\"");
        ctx.response.setContentLength(body.size());
        body.writeTo(ctx.response.getOutputStream());
    }

    /** {@code schoolguard-<site>-2026-11}; a site key with other characters than letters, digits, dot, dash is left out. */
    static String fileName(String site, ReportMonth month) {
        return "schoolguard-" + (site.matches("[A-Za-z0-9.-]{1,60}") ? site + "-" : "") + month;
    }
}
