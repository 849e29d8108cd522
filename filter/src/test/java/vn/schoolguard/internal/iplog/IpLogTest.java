package vn.schoolguard.internal.iplog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vn.schoolguard.internal.net.ClientAddress;
import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.store.JdbcIpLogStorage;
import vn.schoolguard.testing.Databases;
import vn.schoolguard.testing.MutableClock;

/** The IP log on H2 and PostgreSQL: chaining, tamper detection, search, export, retention, audit. */
class IpLogTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static IpLogEntry entry(String ip, int port, String route) {
        return new IpLogEntry(new ClientAddress(ip, port, "10.0.0.1", 40000, "X-Forwarded-For: " + ip, false, true),
                "Mozilla/5.0 (Android 14)", null, route, "POST", "/news/1/comments", null, null, Outcome.HELD, null, "ab".repeat(32));
    }

    static IpLogQuery query(Map<String, String> parameters) throws IpLogQuery.BadQuery {
        return IpLogQuery.parse(parameters::get);
    }

    static void fill(IpLog log, MutableClock clock, int n) {
        for (int i = 0; i < n; i++) {
            log.record(entry("113.161.0." + (i % 50), 50000 + i, i % 2 == 0 ? "comments" : "guestbook"));
            clock.advance(Duration.ofMinutes(1));
        }
    }

    static void execute(Database db, String sql) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                return ps.executeUpdate();
            }
        });
    }

    @ParameterizedTest
    @MethodSource("vn.schoolguard.testing.Databases#kinds")
    void chainVerifiesAndEveryKindOfTamperingIsNamed(Databases.Kind kind) {
        try (Database db = Databases.open(kind)) {
            MutableClock clock = new MutableClock(T0);
            IpLog log = new IpLog(new JdbcIpLogStorage(db), "default", clock);
            fill(log, clock, 20);
            assertThat(log.verify(n -> { })).satisfies(r -> {
                assertThat(r.ok()).isTrue();
                assertThat(r.checked()).isEqualTo(20);
            });

            execute(db, "UPDATE sg_iplog SET client_ip = '1.1.1.1' WHERE seq = 7");
            assertThat(log.verify(n -> { })).satisfies(r -> {
                assertThat(r.ok()).isFalse();
                assertThat(r.badSeq()).isEqualTo(7);
                assertThat(r.message()).contains("entry seq 7 was altered");
            });
        }
    }

    @ParameterizedTest
    @MethodSource("vn.schoolguard.testing.Databases#kinds")
    void deletedInsertedReorderedAndTruncatedEntriesAreDetected(Databases.Kind kind) {
        try (Database db = Databases.open(kind)) {
            MutableClock clock = new MutableClock(T0);
            IpLog log = new IpLog(new JdbcIpLogStorage(db), "default", clock);
            fill(log, clock, 12);
            execute(db, "UPDATE sg_iplog SET route = 'forum' WHERE seq = 4");
            assertThat(log.verify(n -> { }).message()).contains("entry seq 4 was altered: its content");
            execute(db, "UPDATE sg_iplog SET route = 'guestbook' WHERE seq = 4");
            assertThat(log.verify(n -> { }).ok()).isTrue();

            execute(db, "DELETE FROM sg_iplog WHERE seq = 5");
            assertThat(log.verify(n -> { })).satisfies(r -> {
                assertThat(r.badSeq()).isEqualTo(5);
                assertThat(r.message()).contains("entry seq 5 is missing");
            });
            // Renumbering to hide the gap breaks the links instead.
            execute(db, "UPDATE sg_iplog SET seq = seq - 1 WHERE seq > 5");
            assertThat(log.verify(n -> { }).message()).contains("entry seq 5 does not follow");
        }
        try (Database db = Databases.open(kind)) {
            MutableClock clock = new MutableClock(T0);
            IpLog log = new IpLog(new JdbcIpLogStorage(db), "default", clock);
            fill(log, clock, 6);
            execute(db, "UPDATE sg_iplog SET seq = 100 WHERE seq = 2");
            execute(db, "UPDATE sg_iplog SET seq = 2 WHERE seq = 3");
            execute(db, "UPDATE sg_iplog SET seq = 3 WHERE seq = 100");
            assertThat(log.verify(n -> { }).message()).contains("entry seq 2 does not follow");
        }
        try (Database db = Databases.open(kind)) {
            MutableClock clock = new MutableClock(T0);
            IpLog log = new IpLog(new JdbcIpLogStorage(db), "default", clock);
            fill(log, clock, 6);
            execute(db, "DELETE FROM sg_iplog WHERE seq = 6");
            assertThat(log.verify(n -> { }).message()).contains("entries after seq 5 are missing");
        }
    }

    @ParameterizedTest
    @MethodSource("vn.schoolguard.testing.Databases#kinds")
    void concurrentAppendsStayGaplessAndChained(Databases.Kind kind) throws Exception {
        try (Database db = Databases.open(kind)) {
            IpLog log = new IpLog(new JdbcIpLogStorage(db), "default", java.time.Clock.systemUTC());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                jobs.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        log.record(entry("198.51.100." + thread, 1000 + i, "comments"));
                    }
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
            pool.shutdown();
            assertThat(log.verify(n -> { })).satisfies(r -> {
                assertThat(r.ok()).as(r.message()).isTrue();
                assertThat(r.checked()).isEqualTo(100);
            });
        }
    }

    @ParameterizedTest
    @MethodSource("vn.schoolguard.testing.Databases#kinds")
    void searchByIpCidrPortTimeAndRoute(Databases.Kind kind) throws Exception {
        try (Database db = Databases.open(kind)) {
            MutableClock clock = new MutableClock(T0);
            IpLog log = new IpLog(new JdbcIpLogStorage(db), "default", clock);
            fill(log, clock, 100);
            log.record(entry("2001:ee0:4f1::9", 61000, "comments"));
            assertThat(log.search(query(Map.of("ip", "113.161.0.7"))).total()).isEqualTo(2);
            assertThat(log.search(query(Map.of("cidr", "113.161.0.0/28"))).total()).isEqualTo(32);
            assertThat(log.search(query(Map.of("cidr", "2001:ee0::/32"))).items()).singleElement()
                    .satisfies(r -> assertThat(r.clientPort()).isEqualTo(61000));
            assertThat(log.search(query(Map.of("port", "50042"))).total()).isEqualTo(1);
            assertThat(log.search(query(Map.of("from", "2026-01-01T00:10:00Z", "to", "2026-01-01T00:20:00Z", "route", "guestbook")))
                    .total()).isEqualTo(5);
            var page = log.search(query(Map.of("limit", "10", "offset", "0")));
            assertThat(page.items()).hasSize(10);
            assertThat(page.items().get(0).seq()).isEqualTo(101);
            // Pages are picked by sequence number first, then fetched: order and contents must survive that.
            assertThat(log.search(query(Map.of("limit", "10", "offset", "10"))).items()).extracting(IpLogRecord::seq)
                    .containsExactly(91L, 90L, 89L, 88L, 87L, 86L, 85L, 84L, 83L, 82L);
            assertThat(log.search(query(Map.of("ip", "113.161.0.7"))).items()).hasSize(2)
                    .allSatisfy(r -> assertThat(r.clientIp()).isEqualTo("113.161.0.7"));
            assertThat(log.search(query(Map.of("ip", "113.161.0.7", "offset", "5"))).items()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("vn.schoolguard.testing.Databases#kinds")
    void retentionDeletesOldEntriesAndTheRestStillVerifies(Databases.Kind kind) {
        try (Database db = Databases.open(kind)) {
            MutableClock clock = new MutableClock(T0);
            IpLog log = new IpLog(new JdbcIpLogStorage(db), "default", clock);
            fill(log, clock, 30);
            int[] done = log.applyRetention(T0.plus(Duration.ofMinutes(10)), Optional.of(T0.plus(Duration.ofMinutes(20))));
            assertThat(done[0]).isEqualTo(10);
            assertThat(done[1]).isEqualTo(10);
            assertThat(log.verify(n -> { })).satisfies(r -> {
                assertThat(r.ok()).as(r.message()).isTrue();
                assertThat(r.checked()).isEqualTo(20);
            });
            var pseudonymised = log.search(IpLogQuery.parse(Map.of("to", "2026-01-01T00:20:00Z")::get)).items();
            assertThat(pseudonymised).allSatisfy(r -> {
                assertThat(r.clientIp()).startsWith("anon-");
                assertThat(r.userAgent()).isNull();
            });
        } catch (IpLogQuery.BadQuery e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @MethodSource("vn.schoolguard.testing.Databases#kinds")
    void exportStreamsCsvWithContractColumnsAndTheProof(Databases.Kind kind) throws Exception {
        try (Database db = Databases.open(kind)) {
            MutableClock clock = new MutableClock(T0);
            IpLog log = new IpLog(new JdbcIpLogStorage(db), "default", clock);
            fill(log, clock, 5);
            StringWriter csv = new StringWriter();
            long rows = new IpLogExport(log, java.time.ZoneId.of("Asia/Ho_Chi_Minh")).csv(query(Map.of("ip", "113.161.0.3")), csv, n -> { });
            assertThat(rows).isEqualTo(1);
            String[] lines = csv.toString().split("\r\n");
            assertThat(lines[0]).startsWith("\uFEFFtime,client_ip,client_port,peer_ip,user_agent,route,submission_id");
            assertThat(lines[1]).startsWith("\"2026-01-01T00:03:00Z\",\"113.161.0.3\",50003,\"10.0.0.1\",\"Mozilla/5.0 (Android 14)\",\"guestbook\",");
            assertThat(lines[1]).contains("\"2026-01-01 07:03:00.000 +07:00\"");
            assertThat(lines).hasSize(2);
            Map<String, Object> proof = new IpLogExport(log, java.time.ZoneId.of("Asia/Ho_Chi_Minh")).proof(query(Map.of("ip", "113.161.0.3")));
            assertThat(proof).containsEntry("matches", 1L).containsEntry("firstSeq", 4L).containsEntry("lastSeq", 4L);
            assertThat(proof.get("chainHead")).isEqualTo(log.head());

            log.audit("inv", "export-csv", Map.of("ip", "113.161.0.3"), rows, "127.0.0.1");
            assertThat(log.auditTrail(10, 0).items()).singleElement().satisfies(a -> {
                assertThat(a.get("actor")).isEqualTo("inv");
                assertThat(a.get("rows")).isEqualTo(1L);
                assertThat(a.get("filter")).isEqualTo(Map.of("ip", "113.161.0.3"));
            });
        }
    }

    @ParameterizedTest
    @MethodSource("vn.schoolguard.testing.Databases#kinds")
    void checkpointsAreWrittenEveryThousandEntriesAndAnchorAPurge(Databases.Kind kind) {
        try (Database db = Databases.open(kind)) {
            MutableClock clock = new MutableClock(T0);
            JdbcIpLogStorage storage = new JdbcIpLogStorage(db);
            IpLog log = new IpLog(storage, "default", clock);
            db.inTransaction(c -> {
                for (int i = 0; i < ChainAppend.CHECKPOINT_EVERY + 5; i++) {
                    storage.append(c, log.prepare(entry("203.113.0.1", i, "comments")));
                    clock.advance(Duration.ofSeconds(1));
                }
                return null;
            });
            long checkpoints = db.read(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM sg_iplog_checkpoints")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(checkpoints).isEqualTo(1);
            assertThat(log.verify(n -> { }).ok()).isTrue();
            execute(db, "UPDATE sg_iplog_checkpoints SET entry_hash = '" + "f".repeat(64) + "'");
            assertThat(log.verify(n -> { }).message()).contains("disagrees with the checkpoint");
        }
    }

    @ParameterizedTest
    @MethodSource("vn.schoolguard.testing.Databases#kinds")
    void overlongPosterChosenValuesAreStoredAsHashedAndTheChainStillVerifies(Databases.Kind kind) {
        try (Database db = Databases.open(kind)) {
            IpLog log = new IpLog(new JdbcIpLogStorage(db), "default", new MutableClock(T0));
            log.record(new IpLogEntry(new ClientAddress("198.51.100.4", 5000, "198.51.100.4", 5000, "x".repeat(3000), false, false),
                    "U".repeat(1500), "u".repeat(300), "comments", "POST", "/" + "p".repeat(2500), null, null, Outcome.REFUSED,
                    "d".repeat(700), null));
            assertThat(log.verify(n -> { })).satisfies(r -> assertThat(r.ok()).as(r.message()).isTrue());
            assertThat(log.search(IpLogQuery.parse(Map.<String, String>of()::get)).items().get(0).userAgent()).hasSize(1000);
        } catch (IpLogQuery.BadQuery e) {
            throw new AssertionError(e);
        }
    }

    @org.junit.jupiter.api.Test
    void badSearchParametersAreExplained() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> query(Map.of("ip", "999.1.1.1")))
                .hasMessageContaining("ip must be an IPv4 or IPv6 address");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> query(Map.of("cidr", "10.0.0.0/40")))
                .hasMessageContaining("cidr must be a block");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> query(Map.of("from", "hôm qua")))
                .hasMessageContaining("from must be a date");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> query(Map.of("outcome", "maybe")))
                .hasMessageContaining("outcome must be one of");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> query(Map.of("from", "2026-02-01", "to", "2026-01-01")))
                .hasMessageContaining("from must be before to");
    }
}
