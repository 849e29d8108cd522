package vn.schoolguard.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import vn.schoolguard.store.SiteKeys;
import vn.schoolguard.iplog.IpLog;
import vn.schoolguard.iplog.IpLogExport;
import vn.schoolguard.iplog.IpLogQuery;
import vn.schoolguard.iplog.IpLogRecord;
import vn.schoolguard.iplog.VerifyResult;
import vn.schoolguard.db.Page;
import vn.schoolguard.db.Database;
import vn.schoolguard.db.Json;

/** {@code iplog verify|query|export|purge}: the investigators' command line over the IP log. */
@Command(name = "iplog", mixinStandardHelpOptions = true, description = "Search, export, verify and purge the IP log.",
        subcommands = {IpLogCommand.Verify.class, IpLogCommand.Query.class, IpLogCommand.Export.class, IpLogCommand.Purge.class})
final class IpLogCommand implements Runnable {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Search options shared by query and export. */
    static final class Filters {
        @Option(names = "--ip", description = "Client address.")
        String ip;
        @Option(names = "--cidr", description = "Client address block, e.g. 113.160.0.0/11.")
        String cidr;
        @Option(names = "--port", description = "Client source port.")
        String port;
        @Option(names = "--from", description = "From (2026-11-01 in Vietnam time, or an ISO instant).")
        String from;
        @Option(names = "--to", description = "Until, exclusive.")
        String to;
        @Option(names = "--submission", description = "Submission id.")
        String submission;
        @Option(names = "--receipt", description = "Receipt code.")
        String receipt;
        @Option(names = "--route", description = "Route name.")
        String route;
        @Option(names = "--app-user", description = "The application user who posted.")
        String user;
        @Option(names = "--outcome", description = "held, spam, bypassed, refused, rate-limited or blocked.")
        String outcome;
        @Option(names = "--text", description = "Text in the user agent, path or detail.")
        String text;

        IpLogQuery query(Integer limit) throws IpLogQuery.BadQuery {
            Map<String, String> p = new HashMap<>();
            p.put("ip", ip);
            p.put("cidr", cidr);
            p.put("port", port);
            p.put("from", from);
            p.put("to", to);
            p.put("submission", submission);
            p.put("receipt", receipt);
            p.put("route", route);
            p.put("user", user);
            p.put("outcome", outcome);
            p.put("q", text);
            p.put("limit", limit == null ? null : String.valueOf(limit));
            return IpLogQuery.parse(p::get);
        }
    }

    abstract static class Base implements Callable<Integer> {
        @Mixin
        DatabaseOptions database;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Database db = database.open(true)) {
                String site = database.site(db, true, spec.commandLine().getErr());
                return run(new IpLog(db, site, Clock.systemUTC()), spec.commandLine().getOut(), spec.commandLine().getErr());
            }
        }

        abstract int run(IpLog log, PrintWriter out, PrintWriter err) throws IOException;

        static String actor() {
            return "cli:" + System.getProperty("user.name", "unknown");
        }
    }

    @Command(name = "verify", description = {"Check the hash chain of every site in the database (or only --site's):"
            + " exit 0 when every chain verifies, 3 naming the first bad entry otherwise.",
            "A database without any IP-log entry says so (check --data-dir) and exits 0."})
    static final class Verify extends Base {
        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (Database db = database.open(true)) {
                SortedSet<String> sites = SiteKeys.withIpLog(db);
                if (database.site != null && !sites.contains(database.site)) {
                    return noEntries(db, out, err);
                }
                if (sites.isEmpty()) {
                    out.println("no IP-log entries in " + database.describe());
                    return 0;
                }
                int failed = 0;
                for (String site : database.site != null ? Set.of(database.site) : sites) {
                    failed += verify(new IpLog(db, site, Clock.systemUTC()), site, out, err) ? 0 : 1;
                }
                return failed == 0 ? 0 : 3;
            }
        }

        /** --site names a site without entries: fine if the filter runs it (its head exists), a mistake otherwise. */
        private int noEntries(Database db, PrintWriter out, PrintWriter err) {
            SortedSet<String> known = SiteKeys.all(db);
            if (known.contains(database.site)) {
                out.println("site " + database.site + ": no IP-log entries yet, OK");
                return 0;
            }
            SortedSet<String> logged = SiteKeys.withIpLog(db);
            err.println("schoolguard: there is no site '" + database.site + "' in " + database.describe() + "; "
                    + (logged.isEmpty() ? "it holds no IP-log entries at all" : "sites with IP-log entries: " + String.join(", ", logged)));
            return 2;
        }

        private static boolean verify(IpLog log, String site, PrintWriter out, PrintWriter err) {
            Progress progress = new Progress(err, "verified", -1);
            VerifyResult result = log.verify(progress);
            progress.done();
            log.audit(actor(), "verify", Map.of(), result.checked(), null);
            if (result.ok()) {
                out.println("site " + site + ": " + result.checked() + " entries verified, head seq=" + log.head().get("seq") + ", OK");
                return true;
            }
            out.println("site " + site + ": FAILED at seq " + result.badSeq() + ": " + result.message());
            return false;
        }

        @Override
        int run(IpLog log, PrintWriter out, PrintWriter err) {
            throw new IllegalStateException("verify runs per site");
        }
    }

    @Command(name = "query", description = "Print matching entries, newest first.")
    static final class Query extends Base {
        @Mixin
        Filters filters;

        @Option(names = "--limit", defaultValue = "100", description = "At most this many (default ${DEFAULT-VALUE}, up to 1000).")
        int limit;

        @Option(names = "--json", description = "One JSON object per line instead of a table.")
        boolean json;

        @Override
        int run(IpLog log, PrintWriter out, PrintWriter err) {
            IpLogQuery query;
            try {
                query = filters.query(limit);
            } catch (IpLogQuery.BadQuery e) {
                err.println("schoolguard: " + e.getMessage());
                return 2;
            }
            Page<IpLogRecord> page = log.search(query);
            log.audit(actor(), "search", query.description(), page.items().size(), null);
            IpLogExport export = new IpLogExport(log, VIETNAM);
            DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
            for (IpLogRecord r : page.items()) {
                if (json) {
                    out.println(Json.write(export.item(r)));
                } else {
                    out.printf("%-23s  %-39s %5s  %-10s %-12s %-9s %s%n", time.format(r.loggedAt().atZone(VIETNAM)), r.clientIp(),
                            r.clientPort() < 0 ? "-" : String.valueOf(r.clientPort()), r.route(), r.outcome().key(),
                            r.receipt() == null ? "-" : r.receipt(), r.userAgent() == null ? "" : r.userAgent());
                }
            }
            if (!json) {
                out.println(page.items().size() + " of " + page.total() + " matching entries (times in Asia/Ho_Chi_Minh)");
            }
            return 0;
        }
    }

    @Command(name = "export", description = "Write every matching entry as CSV or JSON, with the chain proof.")
    static final class Export extends Base {
        @Mixin
        Filters filters;

        @Option(names = "--format", defaultValue = "csv", description = "csv or json (default ${DEFAULT-VALUE}).")
        String format;

        @Option(names = {"-o", "--output"}, description = "Write to this file instead of standard output.")
        Path output;

        @Option(names = "--proof", paramLabel = "FILE",
                description = "Write the chain proof (JSON) to this file; the CSV holds rows only, the JSON export also carries it inside.")
        Path proof;

        @Override
        int run(IpLog log, PrintWriter out, PrintWriter err) throws IOException {
            if (!format.equals("csv") && !format.equals("json")) {
                err.println("schoolguard: --format must be csv or json; got '" + format + "'");
                return 2;
            }
            IpLogQuery query;
            try {
                query = filters.query(null);
            } catch (IpLogQuery.BadQuery e) {
                err.println("schoolguard: " + e.getMessage());
                return 2;
            }
            long matches = log.count(query);
            // Audited before the first row is written, so an export that is cut off still leaves a trace.
            log.audit(actor(), "export-" + format, query.description(), matches, null);
            Progress progress = new Progress(err, "exported", matches);
            IpLogExport export = new IpLogExport(log, VIETNAM);
            long rows;
            try (Writer writer = output == null
                    ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)
                    : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                rows = format.equals("csv") ? export.csv(query, writer, progress) : export.json(query, writer, progress);
            }
            progress.done();
            if (output != null) {
                out.println(rows + " entries written to " + output);
            }
            Map<String, Object> chainProof = export.proof(query);
            if (proof != null) {
                Files.writeString(proof, Json.write(chainProof) + "\n", StandardCharsets.UTF_8);
                out.println("chain proof written to " + proof);
            } else if (format.equals("csv")) {
                err.println("chain head at export: " + chainProof.get("chainHead") + " (use --proof FILE to keep the proof)");
            }
            return 0;
        }
    }

    @Command(name = "purge", description = "Apply retention now: delete entries older than --older-than, keeping the chain verifiable.")
    static final class Purge extends Base {
        @Option(names = "--older-than", required = true, description = "e.g. 730d")
        String olderThan;

        @Option(names = "--pseudonymise-older-than", description = "e.g. 180d")
        String pseudonymise;

        @Override
        int run(IpLog log, PrintWriter out, PrintWriter err) {
            Duration delete = parse(olderThan);
            Duration pseudo = pseudonymise == null ? null : parse(pseudonymise);
            if (delete == null || (pseudonymise != null && pseudo == null)) {
                err.println("schoolguard: durations are written like 730d, 12h or 30m");
                return 2;
            }
            java.time.Instant now = java.time.Instant.now();
            int[] done = log.applyRetention(now.minus(delete), java.util.Optional.ofNullable(pseudo).map(now::minus));
            log.audit(actor(), "purge", java.util.Map.of("older-than", olderThan,
                    "pseudonymise-older-than", pseudonymise == null ? "" : pseudonymise), done[0] + done[1], null);
            out.println(done[0] + " entries deleted, " + done[1] + " pseudonymised");
            return 0;
        }

        private static Duration parse(String text) {
            var m = java.util.regex.Pattern.compile("(\\d+)([dhm])").matcher(text.trim());
            if (!m.matches()) {
                return null;
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofMinutes(n);
            };
        }
    }

    /** A one-line progress bar on standard error, redrawn at most a few times a second. */
    static final class Progress implements LongConsumer {
        private final PrintWriter err;
        private final String verb;
        private final long total;
        private final long started = System.nanoTime();
        // Drawn only for a person at a terminal, and only once the work has run for a second.
        private final boolean interactive = System.console() != null;
        private long lastDraw;
        private long last;

        Progress(PrintWriter err, String verb, long total) {
            this.err = err;
            this.verb = verb;
            this.total = total;
        }

        @Override
        public void accept(long done) {
            last = done;
            long now = System.nanoTime();
            if (!interactive || now - started < 1_000_000_000L || now - lastDraw < 250_000_000L) {
                return;
            }
            lastDraw = now;
            draw(done, now);
        }

        void done() {
            if (lastDraw != 0) {
                draw(last, System.nanoTime());
                err.println();
            }
        }

        private void draw(long done, long now) {
            double seconds = Math.max(1e-3, (now - started) / 1e9);
            String rate = String.format("%,.0f/s", done / seconds);
            if (total > 0) {
                int width = 30;
                int filled = (int) Math.min(width, done * width / total);
                err.printf("\r[%s%s] %,d/%,d %s %s", "#".repeat(filled), " ".repeat(width - filled), done, total, verb, rate);
            } else {
                err.printf("\r%,d %s %s", done, verb, rate);
            }
            err.flush();
        }
    }
}
