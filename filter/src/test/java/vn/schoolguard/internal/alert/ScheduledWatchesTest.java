package vn.schoolguard.internal.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.db.StoreSettings;
import vn.schoolguard.internal.incident.Incident;
import vn.schoolguard.internal.incident.IncidentKind;
import vn.schoolguard.internal.iplog.IpLog;
import vn.schoolguard.internal.iplog.IpLogEntry;
import vn.schoolguard.internal.iplog.Outcome;
import vn.schoolguard.internal.moderation.SubmissionQueries;
import vn.schoolguard.internal.net.ClientAddress;
import vn.schoolguard.internal.store.JdbcIncidentLog;
import vn.schoolguard.internal.store.JdbcIpLogStorage;
import vn.schoolguard.internal.store.JdbcSubmissionStore;
import vn.schoolguard.internal.store.TransactionLog;
import vn.schoolguard.testing.Databases;
import vn.schoolguard.testing.MutableClock;
import vn.schoolguard.testing.TestSite;

/** The IP-log verification and queue-age watches on real stores, with a clock the test moves. */
class ScheduledWatchesTest {

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T02:00:00Z"));

    private Alerts alerts(Database db) {
        return new Alerts(new JdbcIncidentLog(db), AlertSettings.defaults(), ZoneOffset.UTC,
                new Deliveries(List.of(), AlertSettings.defaults().delivery(), List.of()), clock);
    }

    static IpLogEntry entry(int i) {
        return new IpLogEntry(new ClientAddress("113.161.0." + i, 50000 + i, "10.0.0.1", 40000, "X-Forwarded-For: 113.161.0." + i,
                false, true), "Mozilla/5.0", null, "comments", "POST", "/news/1/comments", null, null, Outcome.HELD, null,
                "ab".repeat(32));
    }

    static void execute(Database db, String sql) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                return ps.executeUpdate();
            }
        });
    }

    @Test
    void aTamperedIpLogRowIsOneIncidentAlsoAfterARestart() {
        try (Database db = Databases.open(Databases.Kind.H2)) {
            IpLog log = new IpLog(new JdbcIpLogStorage(db), "thpt-lelq", clock);
            for (int i = 0; i < 10; i++) {
                log.record(entry(i));
                clock.advance(Duration.ofMinutes(1));
            }
            Alerts alerts = alerts(db);
            IpLogWatch watch = new IpLogWatch(alerts, log, Duration.ofHours(6), null);
            assertThat(watch.runOnce().ok()).isTrue();
            assertThat(incidents(db, "thpt-lelq")).isEmpty();

            execute(db, "UPDATE sg_iplog SET client_ip = '1.1.1.1' WHERE seq = 4");
            assertThat(watch.runOnce().ok()).isFalse();
            watch.runOnce();
            // A restart: a new watch that has not seen a run yet finds the same failure already raised.
            new IpLogWatch(alerts(db), log, Duration.ofHours(6), null).runOnce();
            assertThat(incidents(db, "thpt-lelq")).singleElement().satisfies(i -> {
                assertThat(i.kind()).isEqualTo(IncidentKind.IPLOG_VERIFY_FAILED);
                assertThat(i.detail()).contains("seq 4").contains("(entry 4)");
            });
            assertThat(incidents(db, "other-site")).isEmpty();
        }
    }

    @Test
    void anOldPendingSubmissionIsQueueOldAtMostOnceADay(@TempDir Path dataDir) throws Exception {
        try (TestSite site = new TestSite(dataDir, Map.of("site.key", "thcs-ngoquyen"))) {
            assertThat(site.postForm("/posts/1/comments", Map.of("content", "Cảm ơn thầy cô")).statusCode()).isEqualTo(303);
            // The site's own database, opened a second time as the H2 server mode allows.
            try (Database db = Database.open(new StoreSettings(StoreSettings.h2Url(dataDir), "sa", "", 2, Duration.ofSeconds(3)))) {
                JdbcIpLogStorage storage = new JdbcIpLogStorage(db);
                SubmissionQueries queries = SubmissionQueries.of(new JdbcSubmissionStore(db,
                        TransactionLog.of(storage, new IpLog(storage, "thcs-ngoquyen", clock))), "thcs-ngoquyen");
                clock.advance(Duration.between(clock.instant(), Instant.now()));
                Alerts alerts = alerts(db);
                QueueAgeWatch watch = new QueueAgeWatch(alerts, queries, "thcs-ngoquyen", Duration.ofHours(48), null);
                assertThat(watch.runOnce()).as("just received").isFalse();
                clock.advance(Duration.ofHours(49));
                assertThat(watch.runOnce()).isTrue();
                clock.advance(Duration.ofHours(23));
                assertThat(watch.runOnce()).as("within the day").isFalse();
                assertThat(new QueueAgeWatch(alerts(db), queries, "thcs-ngoquyen", Duration.ofHours(48), null).runOnce())
                        .as("after a restart, within the day").isFalse();
                clock.advance(Duration.ofHours(2));
                assertThat(watch.runOnce()).as("the next day").isTrue();
                assertThat(incidents(db, "thcs-ngoquyen")).hasSize(2).allSatisfy(i -> {
                    assertThat(i.kind()).isEqualTo(IncidentKind.QUEUE_OLD);
                    assertThat(i.detail()).contains("the oldest of 1 pending").contains("limit is 48h");
                });
                QueueAgeWatch otherSite = new QueueAgeWatch(alerts, SubmissionQueries.of(new JdbcSubmissionStore(db,
                        TransactionLog.of(storage, new IpLog(storage, "lachtray", clock))), "lachtray"), "lachtray",
                        Duration.ofHours(48), null);
                assertThat(otherSite.runOnce()).as("another site's queue is empty").isFalse();
            }
        }
    }

    private static List<Incident> incidents(Database db, String site) {
        return new JdbcIncidentLog(db).recent(site, 100);
    }
}
