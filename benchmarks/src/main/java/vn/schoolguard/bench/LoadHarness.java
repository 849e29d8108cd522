package vn.schoolguard.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import vn.schoolguard.SchoolGuardFilter;

/**
 * A small, bounded HTTP load tool for loopback targets: N clients for a fixed time or request count,
 * printing requests per second, latency percentiles and status counts, and the ratio between two targets.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar vn.schoolguard.bench.LoadHarness \
 *      --url http://127.0.0.1:8081/ --compare http://127.0.0.1:8080/ --clients 16 --duration 10s
 * java -cp benchmarks/target/benchmarks.jar vn.schoolguard.bench.LoadHarness --in-process --clients 16 --duration 10s
 * </pre>
 *
 * Two targets run in five alternating rounds. {@code --in-process} starts Jetty with the same servlet (a 50 KB page) twice, without and with the
 * SchoolGuard filter, and compares them; {@code --guard key=value} adds a filter setting. Only loopback addresses are accepted as targets.
 */
public final class LoadHarness {

    private static final int MAX_CLIENTS = 256;
    private static final Duration MAX_DURATION = Duration.ofMinutes(10);
    private static final long MAX_REQUESTS = 10_000_000;
    private static final int ROUNDS = 5;

    private LoadHarness() {
    }

    /** Options of one run. */
    record Options(URI url, URI compare, int clients, Duration duration, long requests, Duration warmup, boolean inProcess,
                   Map<String, String> guard) {
    }

    /** What one target did. */
    record Result(URI target, long requests, double seconds, long[] latenciesNanos, Map<Integer, Long> statuses, long errors,
                  long bytes) {

        double perSecond() {
            return requests / seconds;
        }

        static Result merge(Result total, Result more) {
            if (total == null) {
                return more;
            }
            long[] all = Arrays.copyOf(total.latenciesNanos, total.latenciesNanos.length + more.latenciesNanos.length);
            System.arraycopy(more.latenciesNanos, 0, all, total.latenciesNanos.length, more.latenciesNanos.length);
            Arrays.sort(all);
            Map<Integer, Long> statuses = new TreeMap<>(total.statuses);
            more.statuses.forEach((k, v) -> statuses.merge(k, v, Long::sum));
            return new Result(total.target, total.requests + more.requests, total.seconds + more.seconds, all, statuses,
                    total.errors + more.errors, total.bytes + more.bytes);
        }

        Result withTarget(URI uri) {
            return new Result(uri, requests, seconds, latenciesNanos, statuses, errors, bytes);
        }

        double percentileMillis(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(latenciesNanos.length - 1, Math.ceil(p / 100.0 * latenciesNanos.length) - 1);
            return latenciesNanos[Math.max(0, index)] / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("LoadHarness: " + e.getMessage());
            System.err.println("usage: LoadHarness (--url URL [--compare URL] | --in-process) [--clients N] "
                    + "[--duration 10s | --requests N] [--warmup 2s] [--guard key=value ...]");
            System.exit(2);
            return;
        }
        Server server = null;
        if (options.inProcess()) {
            server = startInProcess(options.guard());
            int plain = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
            int guarded = ((ServerConnector) server.getConnectors()[1]).getLocalPort();
            options = new Options(URI.create("http://127.0.0.1:" + plain + "/page"), URI.create("http://127.0.0.1:" + guarded + "/page"),
                    options.clients(), options.duration(), options.requests(), options.warmup(), true, options.guard());
        }
        try {
            print(System.out, options, compare(options));
        } finally {
            if (server != null) {
                server.stop();
            }
        }
    }

    static Options parse(String... args) {
        URI url = null;
        URI compare = null;
        int clients = 8;
        Duration duration = null;
        long requests = 0;
        Duration warmup = Duration.ofSeconds(2);
        boolean inProcess = false;
        Map<String, String> guard = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--in-process")) {
                inProcess = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(arg + " needs a value");
            }
            String value = args[++i];
            switch (arg) {
                case "--url" -> url = loopback(value);
                case "--compare" -> compare = loopback(value);
                case "--clients" -> clients = Integer.parseInt(value);
                case "--duration" -> duration = duration(value);
                case "--requests" -> requests = Long.parseLong(value);
                case "--warmup" -> warmup = duration(value);
                case "--guard" -> {
                    int eq = value.indexOf('=');
                    if (eq < 1) {
                        throw new IllegalArgumentException("--guard takes key=value, such as implant.sample-rate=0");
                    }
                    guard.put(value.substring(0, eq), value.substring(eq + 1));
                }
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (url == null && !inProcess) {
            throw new IllegalArgumentException("give --url (and optionally --compare) or --in-process");
        }
        if (clients < 1 || clients > MAX_CLIENTS) {
            throw new IllegalArgumentException("--clients must be from 1 to " + MAX_CLIENTS + ", was " + clients);
        }
        if (duration == null && requests == 0) {
            duration = Duration.ofSeconds(10);
        }
        if (duration != null && (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0)) {
            throw new IllegalArgumentException("--duration must be above 0 and at most 10m, was " + duration);
        }
        if (requests < 0 || requests > MAX_REQUESTS) {
            throw new IllegalArgumentException("--requests must be from 1 to " + MAX_REQUESTS + ", was " + requests);
        }
        if (warmup.isNegative() || warmup.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("--warmup must be from 0 to 1m, was " + warmup);
        }
        return new Options(url, compare, clients, duration, requests, warmup, inProcess, guard);
    }

    /** Accepts only http(s) URLs whose host resolves to loopback addresses: this tool must not load anyone else's site. */
    static URI loopback(String value) {
        URI uri = URI.create(value);
        if (uri.getHost() == null || !(value.startsWith("http://") || value.startsWith("https://"))) {
            throw new IllegalArgumentException("not an http(s) URL: " + value);
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                if (!address.isLoopbackAddress()) {
                    throw new IllegalArgumentException("only loopback targets are allowed, " + uri.getHost() + " is " + address.getHostAddress());
                }
            }
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + uri.getHost());
        }
        return uri;
    }

    static Duration duration(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        if (v.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        throw new IllegalArgumentException("a duration such as 500ms, 10s or 2m, not " + value);
    }

    /**
     * Runs the targets; with two, in alternating rounds (each a fifth of the budget), so that drift in the
     * machine's load falls on both alike.
     */
    static List<Result> compare(Options options) throws InterruptedException {
        if (options.compare() == null) {
            return List.of(run(options, options.url()));
        }
        int rounds = ROUNDS;
        Options share = new Options(options.url(), options.compare(), options.clients(),
                options.duration() == null ? null : options.duration().dividedBy(rounds),
                options.requests() == 0 ? 0 : Math.max(1, options.requests() / rounds),
                options.warmup().dividedBy(rounds), options.inProcess(), options.guard());
        Result a = null;
        Result b = null;
        for (int round = 0; round < rounds; round++) {
            a = Result.merge(a, run(share, options.url()));
            b = Result.merge(b, run(share, options.compare()));
        }
        return List.of(a, b);
    }

    static Result run(Options options, URI target) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30)).GET().build();
        if (!options.warmup().isZero()) {
            load(client, request, options.clients(), options.warmup(), 0);
        }
        return load(client, request, options.clients(), options.duration(), options.requests()).withTarget(target);
    }

    private static Result load(HttpClient client, HttpRequest request, int clients, Duration duration, long limit)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = duration == null ? Long.MAX_VALUE : start + duration.toNanos();
        AtomicLong issued = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        Thread[] threads = new Thread[clients];
        for (int c = 0; c < clients; c++) {
            int id = c;
            latencies[id] = new long[1024];
            threads[c] = new Thread(() -> {
                while (System.nanoTime() < deadline && (limit == 0 || issued.incrementAndGet() <= limit)) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        long elapsed = System.nanoTime() - t0;
                        if (counts[id] == latencies[id].length) {
                            latencies[id] = Arrays.copyOf(latencies[id], counts[id] * 2);
                        }
                        latencies[id][counts[id]++] = elapsed;
                        statuses.merge(response.statusCode(), 1L, Long::sum);
                        bytes.addAndGet(response.body().length);
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "load-client-" + c);
            threads[c].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return new Result(null, total, seconds, all, new TreeMap<>(statuses), errors.get(), bytes.get());
    }

    static void print(PrintStream out, Options options, List<Result> results) {
        out.printf(Locale.ROOT, "clients %d, %s%s, warm-up %s%n", options.clients(),
                options.duration() != null ? "duration " + options.duration().toMillis() / 1000.0 + "s" : options.requests() + " requests",
                results.size() == 2 ? " per target in " + ROUNDS + " alternating rounds" : "",
                options.warmup().toMillis() / 1000.0 + "s");
        out.printf(Locale.ROOT, "%-40s %9s %10s %8s %8s %8s %8s %7s  %s%n", "target", "requests", "req/s", "p50 ms",
                "p90 ms", "p99 ms", "max ms", "errors", "statuses");
        for (Result r : results) {
            out.printf(Locale.ROOT, "%-40s %9d %10.1f %8.2f %8.2f %8.2f %8.2f %7d  %s%n", r.target(), r.requests(), r.perSecond(),
                    r.percentileMillis(50), r.percentileMillis(90), r.percentileMillis(99), r.percentileMillis(100),
                    r.errors(), r.statuses());
        }
        if (results.size() == 2) {
            Result a = results.get(0);
            Result b = results.get(1);
            out.printf(Locale.ROOT, "ratio compare/url: req/s %.3f, p50 %.3f, p99 %.3f%n", b.perSecond() / a.perSecond(),
                    b.percentileMillis(50) / a.percentileMillis(50), b.percentileMillis(99) / a.percentileMillis(99));
        }
    }

    /** Jetty on two loopback ports serving the same 50 KB page: the first plain, the second behind SchoolGuard. */
    static Server startInProcess(Map<String, String> guard) throws Exception {
        Server server = new Server();
        ServerConnector plain = new ServerConnector(server);
        plain.setHost("127.0.0.1");
        ServerConnector guarded = new ServerConnector(server);
        guarded.setHost("127.0.0.1");
        guarded.setName("guarded");
        server.addConnector(plain);
        server.addConnector(guarded);
        byte[] page = RewriteBenchmark.schoolPage(50 * 1024).getBytes(StandardCharsets.UTF_8);
        HttpServlet servlet = new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setContentType("text/html;charset=UTF-8");
                response.setContentLength(page.length);
                response.getOutputStream().write(page);
            }
        };
        ServletContextHandler plainContext = new ServletContextHandler("/");
        plainContext.addServlet(new ServletHolder(servlet), "/page");
        plainContext.setVirtualHosts(List.of("@" + "plain"));
        plain.setName("plain");
        ServletContextHandler guardedContext = new ServletContextHandler("/");
        guardedContext.addServlet(new ServletHolder(servlet), "/page");
        FilterHolder filter = new FilterHolder(new SchoolGuardFilter());
        filter.setInitParameter("emc.site-id", "4242");
        filter.setInitParameter("portal.url", "https://haiphong.edu.vn/");
        filter.setInitParameter("data.dir", System.getProperty("java.io.tmpdir") + "/schoolguard-load");
        guard.forEach(filter::setInitParameter);
        guardedContext.addFilter(filter, "/*", EnumSet.of(DispatcherType.REQUEST));
        guardedContext.setVirtualHosts(List.of("@guarded"));
        server.setHandler(new org.eclipse.jetty.server.Handler.Sequence(plainContext, guardedContext));
        server.start();
        return server;
    }
}
