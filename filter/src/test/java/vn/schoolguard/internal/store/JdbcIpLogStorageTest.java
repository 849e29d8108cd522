package vn.schoolguard.internal.store;

import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.db.StoreException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vn.schoolguard.internal.iplog.IpLog;
import vn.schoolguard.internal.iplog.IpLogEntry;
import vn.schoolguard.internal.iplog.IpLogQuery;
import vn.schoolguard.internal.iplog.IpLogRecord;
import vn.schoolguard.internal.moderation.SessionValues;
import vn.schoolguard.internal.moderation.SubmissionRepository;
import vn.schoolguard.internal.iplog.Outcome;
import vn.schoolguard.internal.moderation.Submission;
import vn.schoolguard.internal.net.ClientAddress;
import vn.schoolguard.testing.Databases;
import vn.schoolguard.testing.MutableClock;

/** A submission and its IP log entry are stored in one transaction: both, or neither. */
class JdbcIpLogStorageTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static IpLogEntry entryFor(Submission s) {
        return new IpLogEntry(new ClientAddress("113.161.0.7", 50001, "10.0.0.1", 40000, null, false, true), "UA", null,
                "comments", "POST", "/news/1/comments", s.id(), s.receipt(), Outcome.HELD, null, "ab".repeat(32));
    }

    static long count(Database db, String table) {
        return db.read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    static IpLogQuery all() {
        try {
            return IpLogQuery.parse(Map.<String, String>of()::get);
        } catch (IpLogQuery.BadQuery e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest
    @MethodSource("vn.schoolguard.testing.Databases#kinds")
    void aSubmissionAndItsEntryAreStoredTogether(Databases.Kind kind) {
        try (Database db = Databases.open(kind)) {
            JdbcIpLogStorage storage = new JdbcIpLogStorage(db);
            IpLog log = new IpLog(storage, "default", new MutableClock(T0));
            SubmissionRepository.Inserted inserted = new JdbcSubmissionStore(db, TransactionLog.of(storage, log))
                    .insertWithLog(SubmissionStoreTest.sample("default", "AAAA-0001", "xin chào", T0), SessionValues.NONE,
                            JdbcIpLogStorageTest::entryFor);
            Submission stored = inserted.submission();
            IpLogRecord[] logged = {inserted.logged()};
            assertThat(logged[0].submissionId()).isEqualTo(stored.id());
            assertThat(log.search(all()).items()).singleElement().satisfies(r -> {
                assertThat(r.receipt()).isEqualTo("AAAA-0001");
                assertThat(r.entryHash()).isEqualTo(logged[0].entryHash());
            });
            assertThat(log.verify(n -> { }).ok()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("vn.schoolguard.testing.Databases#kinds")
    void whenTheEntryCannotBeWrittenTheSubmissionIsNotStoredEither(Databases.Kind kind) {
        try (Database db = Databases.open(kind)) {
            JdbcIpLogStorage storage = new JdbcIpLogStorage(db);
            IpLog log = new IpLog(storage, "default", new MutableClock(T0));
            db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM sg_iplog_head")) {
                    return ps.executeUpdate();
                }
            });
            assertThatThrownBy(() -> new JdbcSubmissionStore(db, TransactionLog.of(storage, log)).insertWithLog(
                    SubmissionStoreTest.sample("default", "AAAA-0002", "xin chào", T0), SessionValues.NONE, JdbcIpLogStorageTest::entryFor))
                    .isInstanceOf(StoreException.class).hasMessageContaining("the IP log head of site default is missing");
            assertThat(count(db, "sg_submissions")).isZero();
            assertThat(count(db, "sg_iplog")).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("vn.schoolguard.testing.Databases#kinds")
    void whenTheSubmissionsTransactionFailsAfterTheEntryTheEntryAndTheHeadAreRolledBack(Databases.Kind kind) {
        try (Database db = Databases.open(kind)) {
            JdbcIpLogStorage storage = new JdbcIpLogStorage(db);
            IpLog log = new IpLog(storage, "default", new MutableClock(T0));
            log.record(entryFor(SubmissionStoreTest.sample("default", "AAAA-0003", "x", T0)));
            TransactionLog appendThenFail = (c, entry) -> {
                storage.append(c, log.prepare(entry));
                throw new StoreException("the session values could not be kept", null);
            };
            assertThatThrownBy(() -> new JdbcSubmissionStore(db, appendThenFail).insertWithLog(
                    SubmissionStoreTest.sample("default", "AAAA-0004", "x", T0), SessionValues.NONE, JdbcIpLogStorageTest::entryFor))
                    .hasMessageContaining("session values");
            assertThat(count(db, "sg_submissions")).isZero();
            assertThat(log.head()).containsEntry("seq", 1L);
            assertThat(log.count(all())).isEqualTo(1);
            // The next entry takes the number the rolled-back one had: the chain stays gapless.
            assertThat(log.record(entryFor(SubmissionStoreTest.sample("default", "AAAA-0005", "x", T0))).seq()).isEqualTo(2);
            assertThat(log.verify(n -> { }).ok()).isTrue();
        }
    }

    /** Regression: PostgreSQL refuses NUL in text, so a bot's NUL in its user agent made every post of it a 503. */
    @ParameterizedTest
    @MethodSource("vn.schoolguard.testing.Databases#kinds")
    void regressionNulInAPostersTextIsRecordedAsAReplacementCharacter(Databases.Kind kind) {
        try (Database db = Databases.open(kind)) {
            IpLog log = new IpLog(new JdbcIpLogStorage(db), "default", new MutableClock(T0));
            log.record(new IpLogEntry(new ClientAddress("113.161.0.7", 50001, "10.0.0.1", 40000, null, false, true),
                    "bot\u0000agent", "user\u0000name", "comments", "POST", "/news/1/comments\u0000x", null, null,
                    Outcome.REFUSED, "bad\u0000body", null));
            assertThat(log.search(all()).items()).singleElement().satisfies(r -> {
                assertThat(r.userAgent()).isEqualTo("bot\uFFFDagent");
                assertThat(r.posterUser()).isEqualTo("user\uFFFDname");
                assertThat(r.path()).isEqualTo("/news/1/comments\uFFFDx");
                assertThat(r.detail()).isEqualTo("bad\uFFFDbody");
            });
            assertThat(log.verify(n -> { }).ok()).isTrue();
        }
    }
}
