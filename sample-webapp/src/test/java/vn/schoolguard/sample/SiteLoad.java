package vn.schoolguard.sample;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A rough load run against an in-process site (not a test): start time, then requests per second and
 * latency percentiles for the home page, an article and comment posts. Figures go to docs/performance.md.
 *
 * <pre>
 * java -cp "$(cat cp.txt):sample-webapp/target/classes:sample-webapp/target/test-classes" \
 *      vn.schoolguard.sample.SiteLoad [guard|no-guard] [threads] [seconds]
 * </pre>
 */
public final class SiteLoad {

    private SiteLoad() {
    }

    public static void main(String[] args) throws Exception {
        boolean guard = args.length > 0 && args[0].equals("guard");
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        Duration duration = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 10);

        long begin = System.nanoTime();
        SiteOptions options = TestSite.options(TestSite.DEFAULT_PASSWORD).withGuard(guard);
        try (TestSite site = TestSite.start(options)) {
            System.out.printf("mode=%s start=%d ms threads=%d duration=%ds cpus=%d%n", guard ? "guard" : "no-guard",
                    (System.nanoTime() - begin) / 1_000_000, threads, duration.toSeconds(), Runtime.getRuntime().availableProcessors());
            SiteHttp http = site.http();
            run("GET /", threads, duration, i -> http.get("/"));
            run("GET /news/6", threads, duration, i -> http.get("/news/6"));
            run("POST /news/{id}/comments", threads, duration, i -> {
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("author", "Khách " + i);
                fields.put("email", "");
                fields.put("content", "Bình luận thử tải số " + i);
                return http.postForm("/news/" + (1 + i % 5) + "/comments", fields);
            });
        }
    }

    private static void run(String name, int threads, Duration duration, Function<Long, HttpResponse<String>> call) throws Exception {
        // Warm-up: let the JIT and the connection pool settle before measuring.
        for (long i = 0; i < 500; i++) {
            call.apply(i);
        }
        AtomicLong counter = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                long[] latencies = new long[1 << 20];
                int n = 0;
                while (System.nanoTime() < deadline && n < latencies.length) {
                    long start = System.nanoTime();
                    HttpResponse<String> response = call.apply(counter.incrementAndGet());
                    if (response.statusCode() >= 400) {
                        throw new IllegalStateException(name + " answered " + response.statusCode());
                    }
                    latencies[n++] = System.nanoTime() - start;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        long[] all = new long[0];
        for (Future<long[]> result : results) {
            long[] part = result.get();
            long[] merged = Arrays.copyOf(all, all.length + part.length);
            System.arraycopy(part, 0, merged, all.length, part.length);
            all = merged;
        }
        pool.shutdown();
        Arrays.sort(all);
        System.out.printf("%-26s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  (%d requests)%n", name,
                all.length / (double) duration.toSeconds(), all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6, all.length);
    }
}
