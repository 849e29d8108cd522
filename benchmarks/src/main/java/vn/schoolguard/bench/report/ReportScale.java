package vn.schoolguard.bench.report;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.db.StoreSettings;
import vn.schoolguard.internal.report.MonthlyReport;
import vn.schoolguard.internal.report.ReportCsv;
import vn.schoolguard.internal.report.ReportMonth;
import vn.schoolguard.internal.report.ReportPdf;
import vn.schoolguard.internal.report.ReportTexts;
import vn.schoolguard.internal.report.Reports;
import vn.schoolguard.internal.store.JdbcHomeChecks;
import vn.schoolguard.internal.store.JdbcIncidentLog;
import vn.schoolguard.internal.store.JdbcReportQueries;

/**
 * The department's figures at scale: fills an embedded PostgreSQL with many sites' submissions, decisions,
 * incidents and home-page checks over two months, then times the dashboard query, one site's monthly report and
 * the department report (queries and PDF/CSV rendering), each the median of several runs after one warm-up.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar vn.schoolguard.bench.report.ReportScale [sites] [per-site] [runs]}
 */
public final class ReportScale {

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final ReportMonth NOVEMBER = ReportMonth.of(2026, 11);

    private ReportScale() {
    }

    public static void main(String[] args) throws Exception {
        int sites = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int perSite = args.length > 1 ? Integer.parseInt(args[1]) : 400;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path dir = Files.createTempDirectory("sg-report-scale-");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pgdata"))
                .setPGStartupWait(Duration.ofSeconds(60)).start();
             Database db = Database.open(new StoreSettings(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "", 4,
                     Duration.ofSeconds(10)))) {
            long start = System.nanoTime();
            seed(db, sites, perSite);
            System.out.printf(Locale.ROOT, "seeded %d sites, %d submissions in %.1f s%n", sites, (long) sites * perSite,
                    (System.nanoTime() - start) / 1e9);
            // "Now" is 10 December 2026: the dashboard's 30 days reach back into November.
            Reports reports = new Reports(new JdbcReportQueries(db), new JdbcHomeChecks(db), new JdbcIncidentLog(db), VN,
                    Clock.fixed(Instant.parse("2026-12-10T03:00:00Z"), ZoneOffset.UTC));
            String one = String.format(Locale.ROOT, "site-%04d", sites / 2);
            time("dashboard query (all sites)", runs, () -> reports.dashboard(Optional.empty()).size());
            time("one site's report: queries", runs, () -> reports.site(one, NOVEMBER).sites().size());
            time("one site's report: queries + PDF", runs, () -> pdf(reports.site(one, NOVEMBER)));
            time("department report: queries", runs, () -> reports.department(NOVEMBER).sites().size());
            time("department report: queries + PDF", runs, () -> pdf(reports.department(NOVEMBER)));
            time("department report: queries + CSV", runs, () -> csv(reports.department(NOVEMBER)));
        }
    }

    private static int pdf(MonthlyReport report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportPdf.write(report, ReportTexts.of("vi"), out);
        return out.size();
    }

    private static int csv(MonthlyReport report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            ReportCsv.write(report, ReportTexts.of("vi"), writer);
        }
        return out.size();
    }

    private static void time(String what, int runs, Callable<Integer> work) throws Exception {
        int size = work.call();
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            size = work.call();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf(Locale.ROOT, "%-36s median %8.1f ms  max %8.1f ms  (result %d)%n", what, ms.get(ms.size() / 2),
                ms.get(ms.size() - 1), size);
    }

    /**
     * October and November 2026 in Vietnam: per site {@code perSite} submissions spread over the 61 days (2 in 10
     * caught as spam in seven campaigns, 1 pending, 1 rejected, 6 approved), a decision for each decided one,
     * ten incidents and a home-page check (every seventh failing).
     */
    private static void seed(Database db, int sites, int perSite) throws Exception {
        long total = (long) sites * perSite;
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO sg_submissions (site_key, receipt, route, method, path, headers_json, fields_json,"
                    + " raw_fields_json, removed_json, search_text, client_ip, peer_ip, received_at, status, verdict, score,"
                    + " reasons_json, fingerprint) SELECT 'site-' || lpad((g % " + sites + ")::text, 4, '0'), 'R' || g,"
                    + " 'comments', 'POST', '/news/1/comments', '{}', '{}', '{}', '{}',"
                    + " CASE WHEN g % 10 < 2 THEN 'nhà cái uy tín nổ hũ ' || (g / " + sites + " % 7) ELSE 'cảm ơn thầy cô' END,"
                    + " '203.0.113.7', '203.0.113.7', TIMESTAMPTZ '2026-10-01 00:00:00+07' + (g * 5270.0 / " + total
                    + " * 1000) * INTERVAL '1 second', CASE g % 10 WHEN 0 THEN 'spam' WHEN 1 THEN 'spam' WHEN 2 THEN"
                    + " 'pending' WHEN 3 THEN 'rejected' ELSE 'approved' END, CASE WHEN g % 10 < 2 THEN 'spam' ELSE 'clean'"
                    + " END, 0.5, '[]', CASE WHEN g % 10 < 2 THEN 'camp-' || (g / " + sites + " % 7) ELSE 'f' || g END"
                    + " FROM generate_series(1, " + total + ") g");
            s.execute("INSERT INTO sg_decisions (site_key, submission_id, action, actor, acted_at, from_status, to_status)"
                    + " SELECT site_key, id, CASE status WHEN 'approved' THEN 'approve' ELSE 'reject' END, 'mod',"
                    + " received_at + INTERVAL '1 hour', CASE status WHEN 'approved' THEN 'replaying' ELSE 'pending' END,"
                    + " status FROM sg_submissions WHERE status IN ('approved', 'rejected')");
            s.execute("INSERT INTO sg_incidents (site_key, kind, found_at, page, detail) SELECT 'site-' || lpad((g % "
                    + sites + ")::text, 4, '0'), CASE g % 3 WHEN 0 THEN 'implant' WHEN 1 THEN 'queue-old' ELSE"
                    + " 'portal-missing' END, TIMESTAMPTZ '2026-10-01 00:00:00+07' + (g % 61) * INTERVAL '1 day', '/tin-tuc/'"
                    + " || g, 'liên kết lạ tới bet' || g || '.example' FROM generate_series(1, " + sites * 10 + ") g");
            s.execute("INSERT INTO sg_home_checks (site_key, checked_at, url, status, tracker, label, portal, detail)"
                    + " SELECT 'site-' || lpad(g::text, 4, '0'), TIMESTAMPTZ '2026-12-09 08:00:00+07', 'https://site-' || g"
                    + " || '.example.edu.vn/', 200, g % 7 <> 0, TRUE, g % 7 <> 0, '' FROM generate_series(0, " + (sites - 1)
                    + ") g");
            s.execute("ANALYZE");
        }
    }
}
