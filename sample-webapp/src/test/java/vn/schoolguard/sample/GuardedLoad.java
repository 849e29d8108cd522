package vn.schoolguard.sample;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Load runs of the guarded sample site (not a test): how many comment submissions per second SchoolGuard
 * stores on H2 and on PostgreSQL, and what it adds to a pass-through page compared with {@code --no-guard}.
 * The site runs in-process on loopback; every run is bounded by time and by a request cap per client.
 * Figures go to docs/performance.md, section "Moderation".
 *
 * <pre>
 * GuardedLoad submissions h2|postgres [clients] [seconds]
 * GuardedLoad passthrough [clients] [seconds-per-slot]
 * </pre>
 *
 * <p>{@code submissions} posts distinct, clean comments for the given time, then checks through the REST API
 * that the queue holds exactly as many submissions as there were 303 answers (warm-up included), and exits
 * with status 1 when it does not. {@code passthrough} starts a guarded and an unguarded site side by side and
 * measures {@code GET /} and {@code GET /news/6} on both in four alternating rounds of one slot per page and
 * site (16 slots of one second by default), so that both sides see the same moments of a shared machine.
 */
public final class GuardedLoad {

    private static final int WARM_UP = 300;
    private static final int ROUNDS = 4;
    private static final int MAX_PER_CLIENT = 1 << 20;
    private static final String PASSWORD = "mat-khau-do-tai";

    private GuardedLoad() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("submissions") || args[0].equals("passthrough"))
                || (args[0].equals("submissions") && (args.length < 2 || !args[1].matches("h2|postgres")))) {
            System.err.println("usage: GuardedLoad submissions h2|postgres [clients] [seconds]\n"
                    + "       GuardedLoad passthrough [clients] [seconds-per-slot]");
            System.exit(2);
        }
        boolean submissions = args[0].equals("submissions");
        int first = submissions ? 2 : 1;
        int clients = args.length > first ? Integer.parseInt(args[first]) : 16;
        Duration duration = Duration.ofSeconds(args.length > first + 1 ? Long.parseLong(args[first + 1]) : submissions ? 15 : 1);
        System.out.printf("cpus=%d java=%s clients=%d%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), clients);
        int status = submissions ? submissions(args[1], clients, duration) : passthrough(clients, duration);
        // Other processes on the machine skew the figures; the load average says how much.
        System.out.printf(Locale.ROOT, "load average (1 min) at the end: %.2f%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        // The embedded PostgreSQL server stops in a shutdown hook.
        System.exit(status);
    }

    private static int submissions(String store, int clients, Duration duration) throws Exception {
        SiteOptions options = TestSite.options(PASSWORD);
        try (TestSite site = store.equals("postgres")
                ? GuardedPostgres.start(options, GuardedPostgres.freshDatabase()) : TestSite.start(options)) {
            SiteHttp http = site.http();
            AtomicLong sequence = new AtomicLong();
            LongFunction<HttpResponse<String>> post = i -> {
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("author", "Phụ huynh số " + i);
                fields.put("email", "");
                fields.put("content", "Cảm ơn nhà trường, góp ý số " + i + ": xin thêm giờ tư vấn hướng nghiệp.");
                return http.postForm("/news/" + (1 + i % 6) + "/comments", fields);
            };
            long warmUpHeld = 0;
            for (int i = 0; i < WARM_UP; i++) {
                warmUpHeld += post.apply(sequence.incrementAndGet()).statusCode() == 303 ? 1 : 0;
            }
            Result result = run(clients, duration, () -> post.apply(sequence.incrementAndGet()), 303);
            long queued = new GuardedApi(site).moderator().submissions(null).path("total").asLong();
            long answered303 = warmUpHeld + result.matching;
            System.out.printf(Locale.ROOT, "store=%s %s%n", store, result.describe("POST /news/{id}/comments (held)"));
            System.out.printf(Locale.ROOT, "store=%s 303 answers=%d (warm-up %d + measured %d), other answers=%d, queue total=%d -> %s%n",
                    store, answered303, warmUpHeld, result.matching, result.other, queued, queued == answered303 ? "MATCH" : "MISMATCH");
            return queued == answered303 && result.other == 0 ? 0 : 1;
        }
    }

    private static int passthrough(int clients, Duration slot) throws Exception {
        try (TestSite guarded = TestSite.start(TestSite.options(PASSWORD));
             TestSite plain = TestSite.start(TestSite.options(PASSWORD).withGuard(false))) {
            Map<String, List<Result>> results = new LinkedHashMap<>();
            for (String path : List.of("/", "/news/6", "/static/site.css")) {
                for (TestSite site : List.of(guarded, plain)) {
                    for (int i = 0; i < WARM_UP; i++) {
                        site.http().get(path);
                    }
                }
            }
            // Alternating rounds, so that a slow moment of the machine does not land on one side only.
            for (int r = 0; r < ROUNDS; r++) {
                for (String path : List.of("/", "/news/6", "/static/site.css")) {
                    List<TestSite> order = r % 2 == 0 ? List.of(guarded, plain) : List.of(plain, guarded);
                    for (TestSite site : order) {
                        String key = (site == guarded ? "guard    " : "no-guard ") + "GET " + path;
                        SiteHttp http = site.http();
                        results.computeIfAbsent(key, k -> new ArrayList<>()).add(run(clients, slot, () -> http.get(path), 200));
                    }
                }
            }
            Map<String, Result> merged = new LinkedHashMap<>();
            results.forEach((key, list) -> merged.put(key, Result.merge(list)));
            merged.forEach((key, result) -> System.out.println(result.describe(key)));
            for (String path : List.of("/", "/news/6", "/static/site.css")) {
                Result g = merged.get("guard    GET " + path);
                Result p = merged.get("no-guard GET " + path);
                System.out.printf(Locale.ROOT, "GET %-8s guard/no-guard: throughput %.2f, p50 %.2f, p99 %.2f%n", path,
                        g.perSecond() / p.perSecond(), g.percentile(0.50) / p.percentile(0.50), g.percentile(0.99) / p.percentile(0.99));
            }
            long bad = merged.values().stream().mapToLong(r -> r.other).sum();
            return bad == 0 ? 0 : 1;
        }
    }

    /** Latencies (ns, sorted), the measured time, and how many answers had the expected status. */
    private record Result(long[] latencies, double seconds, long matching, long other) {

        double perSecond() {
            return latencies.length / seconds;
        }

        double percentile(double p) {
            return latencies[Math.min(latencies.length - 1, (int) (latencies.length * p))] / 1e6;
        }

        String describe(String name) {
            return String.format(Locale.ROOT, "%-34s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  (%d requests in %.1f s)",
                    name, perSecond(), percentile(0.50), percentile(0.99), latencies.length, seconds);
        }

        static Result merge(List<Result> parts) {
            long[] all = parts.stream().flatMapToLong(r -> Arrays.stream(r.latencies)).sorted().toArray();
            return new Result(all, parts.stream().mapToDouble(Result::seconds).sum(),
                    parts.stream().mapToLong(Result::matching).sum(), parts.stream().mapToLong(Result::other).sum());
        }
    }

    private static Result run(int clients, Duration duration, java.util.function.Supplier<HttpResponse<String>> call,
                              int expectedStatus) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong matching = new AtomicLong();
        AtomicLong other = new AtomicLong();
        long begin = System.nanoTime();
        long deadline = begin + duration.toNanos();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            futures.add(pool.submit(() -> {
                long[] latencies = new long[4096];
                int n = 0;
                while (System.nanoTime() < deadline && n < MAX_PER_CLIENT) {
                    long start = System.nanoTime();
                    HttpResponse<String> response = call.get();
                    long took = System.nanoTime() - start;
                    if (response.statusCode() == expectedStatus) {
                        matching.incrementAndGet();
                    } else {
                        other.incrementAndGet();
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = took;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> parts = new ArrayList<>();
        for (Future<long[]> future : futures) {
            parts.add(future.get());
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        pool.shutdown();
        long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(all, seconds, matching.get(), other.get());
    }
}
