package vn.schoolguard.bench.iplog;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import vn.schoolguard.internal.iplog.IpLog;
import vn.schoolguard.internal.iplog.IpLogEntry;
import vn.schoolguard.internal.iplog.IpLogExport;
import vn.schoolguard.internal.iplog.IpLogQuery;
import vn.schoolguard.internal.iplog.Outcome;
import vn.schoolguard.internal.iplog.VerifyResult;
import vn.schoolguard.internal.db.Page;
import vn.schoolguard.internal.net.ClientAddress;
import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.store.JdbcIpLogStorage;
import vn.schoolguard.internal.db.StoreSettings;

/**
 * The IP log at scale: builds a chain of realistic entries, then times searches by address and block within
 * 30-day windows, a streaming CSV export and a full verification, and prints a table.
 *
 * <pre>
 * java -Xmx256m -cp benchmarks/target/benchmarks.jar vn.schoolguard.bench.iplog.IpLogScale \
 *     --db h2|postgres --rows 1000000 [--span-days 730] --dir /tmp/iplog-scale [--runs 11] [--export-rows 1000000]
 * </pre>
 *
 * A data directory that already holds a chain is reused as it is (whatever its size), so the measurements can
 * be repeated without building again.
 */
public final class IpLogScale {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final List<String[]> table = new ArrayList<>();

    private IpLogScale() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String db = options.getOrDefault("db", "h2");
        long rows = Long.parseLong(options.getOrDefault("rows", "1000000"));
        Path dir = Path.of(options.getOrDefault("dir", "/tmp/iplog-scale-" + db));
        int runs = Integer.parseInt(options.getOrDefault("runs", "11"));
        long exportRows = Long.parseLong(options.getOrDefault("export-rows", "1000000"));
        // A shorter span packs the entries as densely as a larger log over 24 months, so month searches see as many matches.
        Duration span = Duration.ofDays(Long.parseLong(options.getOrDefault("span-days", "730")));
        Files.createDirectories(dir);
        new IpLogScale().run(db, rows, span, dir, runs, exportRows);
    }

    private void run(String db, long rows, Duration span, Path dir, int runs, long exportRows) throws Exception {
        EmbeddedPostgres postgres = null;
        StoreSettings settings;
        if (db.equals("postgres")) {
            postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pgdata")).setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60)).start();
            settings = new StoreSettings(postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true",
                    "postgres", "", 4, Duration.ofSeconds(10));
        } else if (db.equals("h2")) {
            settings = new StoreSettings(StoreSettings.h2Url(dir), "sa", "", 4, Duration.ofSeconds(10));
        } else {
            throw new IllegalArgumentException("--db must be h2 or postgres; got '" + db + "'");
        }
        System.out.printf("IP log at scale: %s, %,d rows over %d days (%,d per 30 days), data in %s, max heap %d MiB, %d CPUs%n",
                db, rows, span.toDays(), rows * 30 / span.toDays(), dir, Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        ScaleData data = new ScaleData(rows, span, 20241120L);
        try (Database database = Database.open(settings)) {
            Instant end = ScaleData.START.plus(span).plusSeconds(3600);
            IpLog log = new IpLog(new JdbcIpLogStorage(database), ScaleData.SITE, Clock.fixed(end, ZoneOffset.UTC));
            long present = (Long) log.head().get("seq");
            if (present == 0) {
                build(database, data, rows);
                appendThroughFilterPath(log, 1000);
            } else {
                System.out.printf("reusing the chain already in %s (%,d entries)%n", dir, present);
            }
            analyze(database);
            searches(log, data, runs);
            export(log, rows, span, exportRows);
            verify(log);
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
        print(db, rows);
    }

    private void build(Database database, ScaleData data, long rows) throws Exception {
        long start = System.nanoTime();
        try (Connection c = database.dataSource().getConnection()) {
            data.load(c, n -> {
                if (n % 500_000 == 0) {
                    System.out.printf("  built %,d entries (%.0f s)%n", n, (System.nanoTime() - start) / 1e9);
                }
            });
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        row("build (JDBC batches, chain hashed)", "%,d entries in %.0f s".formatted(rows, seconds),
                "%,.0f entries/s".formatted(rows / seconds), "");
    }

    private void appendThroughFilterPath(IpLog log, int n) {
        ClientAddress client = new ClientAddress("113.161.7.20", 52113, "10.10.0.5", 40122, "113.161.7.20", false, true);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            log.record(new IpLogEntry(client, "Mozilla/5.0 (Linux; Android 13)", null, "comments", "POST", "/news/7/comments",
                    null, null, Outcome.RATE_LIMITED, "rate limit", null));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        row("IpLog.record (filter path, one per transaction)", "%,d entries in %.2f s".formatted(n, seconds),
                "%,.0f entries/s".formatted(n / seconds), "appended after the bulk chain");
    }

    private void analyze(Database database) throws Exception {
        long start = System.nanoTime();
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(database.isPostgres() ? "VACUUM ANALYZE sg_iplog" : "ANALYZE TABLE sg_iplog");
        }
        System.out.printf("statistics gathered in %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    private void searches(IpLog log, ScaleData data, int runs) throws Exception {
        String hot = data.hotAddress();
        String typical = data.typicalAddress();
        String[] hotParts = hot.split("\\.");
        String block24 = hotParts[0] + "." + hotParts[1] + "." + hotParts[2] + ".0/24";
        String block16 = hotParts[0] + "." + hotParts[1] + ".0.0/16";
        search(log, data, "ip (busiest CGNAT address) + 30 days", Map.of("ip", hot), runs);
        search(log, data, "ip (typical CGNAT address) + 30 days", Map.of("ip", typical), runs);
        search(log, data, "cidr /24 + 30 days", Map.of("cidr", block24), runs);
        search(log, data, "cidr /16 + 30 days", Map.of("cidr", block16), runs);
        search(log, data, "cidr 2402:800::/32 (IPv6 ISP) + 30 days", Map.of("cidr", "2402:800::/32"), runs);
    }

    private void search(IpLog log, ScaleData data, String name, Map<String, String> filter, int runs) throws Exception {
        SplittableRandom random = new SplittableRandom(name.hashCode());
        long spanDays = data.span().toDays();
        List<Double> times = new ArrayList<>();
        List<Long> totals = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            // A 30-day window starting at a random day inside the span.
            Instant from = ScaleData.START.plus(Duration.ofDays(random.nextLong(Math.max(1, spanDays - 30))));
            Map<String, String> parameters = new HashMap<>(filter);
            parameters.put("from", from.toString());
            parameters.put("to", from.plus(Duration.ofDays(30)).toString());
            IpLogQuery query = IpLogQuery.parse(parameters::get);
            long start = System.nanoTime();
            Page<?> page = log.search(query);
            times.add((System.nanoTime() - start) / 1e6);
            totals.add(page.total());
        }
        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        Collections.sort(totals);
        row("search: " + name, "median %.1f ms, worst %.1f ms (first %.1f ms)".formatted(sorted.get(sorted.size() / 2),
                        sorted.get(sorted.size() - 1), times.get(0)),
                "%,d matches (median), first page of 100".formatted(totals.get(totals.size() / 2)), filter.values().iterator().next());
    }

    private void export(IpLog log, long rows, Duration span, long exportRows) throws IOException, IpLogQuery.BadQuery {
        Map<String, String> parameters = new HashMap<>();
        if (rows > exportRows) {
            // Entries are spread evenly over the span, so a window of the right length holds about exportRows of them.
            long windowMillis = span.toMillis() * exportRows / rows;
            Instant from = ScaleData.START.plus(span.dividedBy(3));
            parameters.put("from", from.toString());
            parameters.put("to", from.plusMillis(windowMillis).toString());
        }
        IpLogQuery query = IpLogQuery.parse(parameters::get);
        long[] bytes = {0};
        Writer sink = new Writer() {
            @Override
            public void write(char[] buffer, int offset, int length) {
                bytes[0] += length;
            }

            @Override
            public void write(String text) {
                bytes[0] += text.length();
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        System.gc();
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        long exported = new IpLogExport(log, VIETNAM).csv(query, sink, n -> { });
        double seconds = (System.nanoTime() - start) / 1e9;
        // The old generation holds what survives collections: if export kept rows, it would grow with them.
        long peak = pools.stream().filter(p -> p.getName().contains("Old") || p.getName().contains("Tenured"))
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.gc();
        long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        row("export CSV (streamed to a counting writer)", "%,d rows, %,d MiB in %.1f s".formatted(exported, bytes[0] >> 20, seconds),
                "%,.0f rows/s".formatted(exported / seconds),
                "old-generation peak %d MiB, heap max %d MiB; %d MiB live after".formatted(peak >> 20, Runtime.getRuntime().maxMemory() >> 20, after >> 20)
                        + (parameters.isEmpty() ? "" : "; window " + parameters.get("from") + " .. " + parameters.get("to")));
    }

    private void verify(IpLog log) {
        long start = System.nanoTime();
        VerifyResult result = log.verify(n -> { });
        double seconds = (System.nanoTime() - start) / 1e9;
        row("verify whole chain", "%,d entries in %.1f s".formatted(result.checked(), seconds),
                "%,.0f entries/s".formatted(result.checked() / seconds), result.message());
        if (!result.ok()) {
            print("FAILED", 0);
            throw new IllegalStateException("the chain does not verify: " + result.message());
        }
    }

    private void row(String what, String time, String rate, String note) {
        System.out.printf("  %s: %s, %s %s%n", what, time, rate, note);
        table.add(new String[] {what, time, rate, note});
    }

    private void print(String db, long rows) {
        System.out.printf("%n| %s, %,d rows | time | rate / size | note |%n| --- | --- | --- | --- |%n", db, rows);
        for (String[] r : table) {
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s |%n", (Object[]) r);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs; got '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
