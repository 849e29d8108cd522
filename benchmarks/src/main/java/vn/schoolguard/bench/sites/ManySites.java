package vn.schoolguard.bench.sites;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.db.StoreSettings;
import vn.schoolguard.internal.iplog.IpLog;
import vn.schoolguard.internal.iplog.IpLogEntry;
import vn.schoolguard.internal.iplog.Outcome;
import vn.schoolguard.internal.iplog.VerifyResult;
import vn.schoolguard.internal.moderation.Posted;
import vn.schoolguard.internal.moderation.Poster;
import vn.schoolguard.internal.moderation.Scoring;
import vn.schoolguard.internal.moderation.SessionValues;
import vn.schoolguard.internal.moderation.Status;
import vn.schoolguard.internal.moderation.Submission;
import vn.schoolguard.internal.net.ClientAddress;
import vn.schoolguard.internal.spam.Reason;
import vn.schoolguard.internal.spam.Verdict;
import vn.schoolguard.internal.store.JdbcIpLogStorage;
import vn.schoolguard.internal.store.JdbcSubmissionStore;
import vn.schoolguard.internal.store.TransactionLog;

/**
 * Stored submissions per second on embedded PostgreSQL, through the filter's write path (one transaction: the
 * submission row and its IP-log entry, the site's chain head locked), with every client posting to one site and then
 * with the same clients spread over many sites, in one run on one database. Usage:
 * {@code ManySites [--sites 200] [--clients 16] [--duration 20s] [--warmup 5s] [--dir /tmp/many-sites]
 * [--synchronous-commit on|off]}.
 */
public final class ManySites {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private record Site(String key, JdbcSubmissionStore store, IpLog log) {
    }

    private record Phase(String name, long acknowledged, long stored, double seconds) {
        double perSecond() {
            return acknowledged / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>(Map.of("--sites", "200", "--clients", "16",
                "--duration", "20s", "--warmup", "5s", "--dir", "/tmp/many-sites", "--synchronous-commit", "on"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            options.put(args[i], args[i + 1]);
        }
        int sites = Integer.parseInt(options.get("--sites"));
        int clients = Integer.parseInt(options.get("--clients"));
        Duration duration = Duration.ofSeconds(Long.parseLong(options.get("--duration").replace("s", "")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.get("--warmup").replace("s", "")));
        Path dir = Path.of(options.get("--dir"));
        Files.createDirectories(dir);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pgdata"))
                .setCleanDataDirectory(true).setPGStartupWait(Duration.ofSeconds(60))
                // PostgreSQL's own default is on (a commit waits for its WAL flush); the embedded server's is off.
                .setServerConfig("synchronous_commit", options.get("--synchronous-commit")).start();
             Database database = Database.open(new StoreSettings(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "",
                     clients, Duration.ofSeconds(30)))) {
            System.out.printf("Many sites: %d sites, %d clients, %s per phase after %s warm-up, PostgreSQL (embedded,"
                    + " synchronous_commit=%s), %d CPUs%n", sites, clients, duration, warmup,
                    options.get("--synchronous-commit"), Runtime.getRuntime().availableProcessors());
            JdbcIpLogStorage storage = new JdbcIpLogStorage(database);
            List<Site> one = List.of(site(database, storage, "single"));
            List<Site> many = new ArrayList<>();
            for (int i = 0; i < sites; i++) {
                many.add(site(database, storage, "school-" + i));
            }
            Phase single = run("1 site", one, clients, warmup, duration);
            Phase spread = run(sites + " sites", many, clients, warmup, duration);
            for (Phase phase : List.of(single, spread)) {
                System.out.printf("%-10s %,8d acknowledged, %,8d in the queues, %8.1f stored submissions/s%n", phase.name(),
                        phase.acknowledged(), phase.stored(), phase.perSecond());
            }
            System.out.printf("ratio %s / 1 site: %.2f×%n", spread.name(), spread.perSecond() / single.perSecond());
            verify(one);
            verify(many);
        }
    }

    private static Site site(Database database, JdbcIpLogStorage storage, String key) {
        IpLog log = new IpLog(storage, key, Clock.systemUTC());
        return new Site(key, new JdbcSubmissionStore(database, TransactionLog.of(storage, log)), log);
    }

    /** A warm-up load, then the measured one; the queues are counted while no client posts, so the totals are exact. */
    private static Phase run(String name, List<Site> sites, int clients, Duration warmup, Duration duration)
            throws InterruptedException {
        load(sites, clients, warmup);
        long before = queued(sites);
        long start = System.nanoTime();
        long acknowledged = load(sites, clients, duration);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Phase(name, acknowledged, queued(sites) - before, seconds);
    }

    /** Clients posting to random sites of the list for a while; returns the posts the store acknowledged. */
    private static long load(List<Site> sites, int clients, Duration duration) throws InterruptedException {
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                while (!stop.get()) {
                    Site site = sites.get(ThreadLocalRandom.current().nextInt(sites.size()));
                    try {
                        site.store().insertWithLog(submission(site.key(), client, SEQUENCE.incrementAndGet()),
                                SessionValues.NONE, ManySites::entry);
                        acknowledged.incrementAndGet();
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                    }
                }
                done.countDown();
            }, "client-" + c);
            thread.start();
        }
        Thread.sleep(duration.toMillis());
        stop.set(true);
        done.await();
        if (failures.get() > 0) {
            System.out.printf("%d posts failed%n", failures.get());
        }
        return acknowledged.get();
    }

    private static long queued(List<Site> sites) {
        long total = 0;
        for (Site site : sites) {
            total += site.store().countByStatus(site.key()).values().stream().mapToLong(Long::longValue).sum();
        }
        return total;
    }

    private static void verify(List<Site> sites) {
        long entries = 0;
        for (Site site : sites) {
            VerifyResult result = site.log().verify(n -> { });
            if (!result.ok()) {
                throw new IllegalStateException("the IP log of " + site.key() + " does not verify: " + result.message());
            }
            entries += result.checked();
        }
        System.out.printf("IP log verified: %d chain(s), %,d entries%n", sites.size(), entries);
    }

    private static Submission submission(String site, int client, long n) {
        String text = "Xin hỏi lịch họp phụ huynh lớp " + (n % 12 + 1) + " ạ?";
        Posted posted = new Posted("comments", "POST", "/news/1/comments", "",
                "application/x-www-form-urlencoded; charset=UTF-8", Map.of("user-agent", List.of("Mozilla/5.0")),
                Map.of("author", List.of("Phụ huynh " + client), "content", List.of(text)),
                Map.of("author", List.of("Phụ huynh " + client), "content", List.of(text)),
                Map.of(), Map.of(), Map.of(), List.of());
        Poster poster = new Poster("113.160.0." + (client + 1), 40000 + client, "10.0.0.1", 50000, null, "Mozilla/5.0", null);
        Scoring scoring = new Scoring(Verdict.CLEAN, 0.0, List.<Reason>of(), "fp");
        return Submission.received(site, String.format("%02d-%014d", client, n), Instant.now(),
                posted, poster, scoring, Status.PENDING);
    }

    private static IpLogEntry entry(Submission s) {
        Poster p = s.poster();
        return new IpLogEntry(new ClientAddress(p.clientIp(), p.clientPort(), p.peerIp(), p.peerPort(), null, false, false),
                p.userAgent(), p.posterUser(), s.posted().route(), s.posted().method(), s.posted().path(), s.id(),
                s.receipt(), Outcome.HELD, null, null);
    }
}
