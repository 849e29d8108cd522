package vn.schoolguard.internal.iplog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.store.JdbcIpLogStorage;
import vn.schoolguard.testing.Databases;
import vn.schoolguard.testing.MutableClock;

/** Regression: a clock stepping back must not stamp entries in the past, where retention would delete them early. */
class IpLogClockTest {

    static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

    @ParameterizedTest
    @MethodSource("vn.schoolguard.testing.Databases#kinds")
    void regressionClockSteppingBackNeverStampsAnEntryBeforeThePreviousOne(Databases.Kind kind) throws Exception {
        try (Database db = Databases.open(kind)) {
            MutableClock clock = new MutableClock(T0);
            IpLog log = new IpLog(new JdbcIpLogStorage(db), "default", clock);
            log.record(IpLogTest.entry("113.161.0.1", 50001, "comments"));
            clock.advance(Duration.ofDays(-400));
            log.record(IpLogTest.entry("113.161.0.2", 50002, "comments"));
            clock.advance(Duration.ofMinutes(5));
            log.record(IpLogTest.entry("113.161.0.3", 50003, "comments"));

            List<IpLogRecord> newestFirst = log.search(IpLogQuery.parse(Map.<String, String>of()::get)).items();
            assertThat(newestFirst).extracting(IpLogRecord::seq).containsExactly(3L, 2L, 1L);
            assertThat(newestFirst).allSatisfy(r -> assertThat(r.loggedAt()).isAfterOrEqualTo(T0));
            assertThat(log.verify(n -> { }).ok()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("vn.schoolguard.testing.Databases#kinds")
    void regressionRetentionAfterAClockStepBackDoesNotDeleteNewerEntries(Databases.Kind kind) {
        try (Database db = Databases.open(kind)) {
            MutableClock clock = new MutableClock(T0);
            IpLog log = new IpLog(new JdbcIpLogStorage(db), "default", clock);
            log.record(IpLogTest.entry("113.161.0.1", 50001, "comments"));
            clock.advance(Duration.ofDays(-400));
            log.record(IpLogTest.entry("113.161.0.2", 50002, "comments"));
            // The clock is put right again a day later; a year's retention must keep both day-old entries.
            clock.advance(Duration.ofDays(401));
            int[] done = log.applyRetention(clock.instant().minus(Duration.ofDays(365)), Optional.empty());
            assertThat(done[0]).isZero();
            assertThat(log.count(IpLogQuery.parse(Map.<String, String>of()::get))).isEqualTo(2);
        } catch (IpLogQuery.BadQuery e) {
            throw new AssertionError(e);
        }
    }
}
