package vn.schoolguard.internal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.housekeeping.Housekeeping;
import vn.schoolguard.internal.store.JdbcRateLimitStorage;
import vn.schoolguard.internal.db.StoreSettings;
import vn.schoolguard.testing.Databases;
import vn.schoolguard.testing.TestSite;

/** Issue 5: with PostgreSQL, limits hold across several nodes, and expired buckets are removed. */
class SharedBucketsTest {

    private static final String BUCKETS = "sg_ratelimit_buckets";

    @TempDir
    Path dir;

    @Test
    void twoNodesSharingOnePostgresNeverAcceptMoreThanTheSiteLimitTogether() throws Exception {
        StoreSettings db = Databases.fresh(Databases.Kind.POSTGRES);
        Map<String, String> settings = Map.of("store.url", db.url(), "store.user", db.user(), "proxies.trusted", "127.0.0.1",
                "ratelimit.per-ip", "off", "ratelimit.per-network", "off", "ratelimit.per-route", "off", "ratelimit.site", "25/1h");
        try (TestSite one = new TestSite(Files.createDirectories(dir.resolve("one")), settings);
             TestSite two = new TestSite(Files.createDirectories(dir.resolve("two")), settings)) {
            ExecutorService pool = Executors.newFixedThreadPool(12);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                TestSite node = i % 2 == 0 ? one : two;
                String ip = "113.161." + (i / 250) + "." + (i % 250);
                results.add(pool.submit(() -> node.postForm("/posts/1/comments", Map.of("content", "xin chào " + ip),
                        "X-Forwarded-For", ip).statusCode()));
            }
            int accepted = 0;
            int limited = 0;
            for (Future<Integer> result : results) {
                int status = result.get();
                if (status == 303) {
                    accepted++;
                } else if (status == 429) {
                    limited++;
                }
            }
            pool.shutdown();
            assertThat(accepted).as("accepted on both nodes together").isEqualTo(25);
            assertThat(limited).isEqualTo(95);
            try (Connection c = java.sql.DriverManager.getConnection(db.url(), db.user(), db.password());
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sg_submissions")) {
                rs.next();
                assertThat(rs.getInt(1)).as("stored submissions").isEqualTo(25);
            }
        }
    }

    @Test
    void sharedBucketsExpireOnceFullAgainAndExpiredOnesAreRemoved() throws Exception {
        try (Database db = Databases.open(Databases.Kind.POSTGRES);
             Housekeeping housekeeping = Housekeeping.ownThread();
             BucketStore store = BucketStore.shared(new JdbcRateLimitStorage(db), Clock.systemUTC(), Duration.ofHours(1),
                     housekeeping)) {
            RateLimiter limiter = new RateLimiter(RateLimiterTest.settings("5/1m", "off", "off", "off", 1000), store, "default");
            long before = System.currentTimeMillis();
            for (int i = 0; i < 30; i++) {
                assertThat(limiter.tryAcquire("comments", "203.0.113." + i, null).allowed()).isTrue();
            }
            // One token of 5/1m comes back in 12 s; the row is kept 10 s more.
            long[] expiry = db.read(c -> {
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SELECT MIN(expires_at), MAX(expires_at) FROM " + BUCKETS)) {
                    rs.next();
                    return new long[] {rs.getLong(1), rs.getLong(2)};
                }
            });
            assertThat(expiry[0]).isGreaterThanOrEqualTo(before + 12_000);
            assertThat(expiry[1]).isLessThanOrEqualTo(System.currentTimeMillis() + 22_000);
            assertThat(store.removeExpired()).as("nothing has expired yet").isZero();

            // Time passes for all but one of them: their expiry moves into the past.
            db.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("UPDATE " + BUCKETS + " SET expires_at = expires_at - 3600000 WHERE id <> 'default|per-ip|"
                            + Integer.toHexString(Limit.format(Limit.parseList("5/1m").orElseThrow()).hashCode()) + "|203.0.113.0'");
                }
            });
            assertThat(store.removeExpired()).isEqualTo(29);
            assertThat(count(db)).as("the bucket not yet expired stays").isEqualTo(1);
        }
    }

    private static int count(Database db) {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + BUCKETS)) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

}
