package vn.schoolguard.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.db.StoreException;
import vn.schoolguard.internal.iplog.IpLog;
import vn.schoolguard.internal.iplog.IpLogEntry;
import vn.schoolguard.internal.iplog.Outcome;
import vn.schoolguard.internal.moderation.Decision;
import vn.schoolguard.internal.db.Page;
import vn.schoolguard.internal.moderation.Posted;
import vn.schoolguard.internal.moderation.Poster;
import vn.schoolguard.internal.moderation.Scoring;
import vn.schoolguard.internal.moderation.SessionValues;
import vn.schoolguard.internal.moderation.Status;
import vn.schoolguard.internal.moderation.Submission;
import vn.schoolguard.internal.moderation.SubmissionQuery;
import vn.schoolguard.internal.moderation.SubmissionRepository;
import vn.schoolguard.internal.net.ClientAddress;
import vn.schoolguard.internal.spam.Reason;
import vn.schoolguard.internal.spam.Verdict;
import vn.schoolguard.testing.Databases;

/** The storage suite: every test runs on an H2 file database and on PostgreSQL. */
class SubmissionStoreTest {

    static final Instant T0 = Instant.parse("2026-11-20T01:02:03.456Z");

    static Submission sample(String site, String receipt, String text, Instant at) {
        Posted posted = new Posted("comments", "POST", "/news/1/comments", "a=1",
                "application/x-www-form-urlencoded; charset=UTF-8", Map.of("user-agent", List.of("UA")),
                Map.of("author", List.of("Lê Thị Hoa"), "content", List.of(text)),
                Map.of("author", List.of("Lê Thị Hoa"), "content", List.of(text + "<script>")),
                Map.of("content", List.of("<script>")), Map.of("a", List.of("1")), Map.of("a", List.of("1")), List.of());
        Poster poster = new Poster("2001:db8::7", 51234, "10.0.0.1", 40000, "X-Forwarded-For: 2001:db8::7", "UA", null);
        Scoring scoring = new Scoring(Verdict.SUSPECT, 5.5, List.of(new Reason("gambling.phrase", "nhà cái", 5.5)), "fp1");
        return Submission.received(site, receipt, at, posted, poster, scoring, Status.PENDING);
    }

    /** A store that appends to the real hash-chained IP log of the default site. */
    static JdbcSubmissionStore store(Database db) {
        JdbcIpLogStorage storage = new JdbcIpLogStorage(db);
        return new JdbcSubmissionStore(db, TransactionLog.of(storage, new IpLog(storage, "default", Clock.systemUTC())));
    }

    static Submission insert(JdbcSubmissionStore store, Submission submission) {
        return store.insertWithLog(submission, SessionValues.NONE, SubmissionStoreTest::entry).submission();
    }

    static IpLogEntry entry(Submission s) {
        Poster p = s.poster();
        return new IpLogEntry(new ClientAddress(p.clientIp(), p.clientPort(), p.peerIp(), p.peerPort(), p.forwardedChain(),
                false, p.forwardedChain() != null), p.userAgent(), p.posterUser(), s.posted().route(), s.posted().method(),
                s.posted().path(), s.id(), s.receipt(), Outcome.HELD, null, null);
    }

    @ParameterizedTest
    @MethodSource("vn.schoolguard.testing.Databases#kinds")
    void submissionItsIpLogEntryAndSessionValuesAreStoredTogether(Databases.Kind kind) {
        try (Database db = Databases.open(kind)) {
            JdbcSubmissionStore store = store(db);
            SessionValues session = new SessionValues(Map.of("cart", new SessionValues.Value("String", "Vở ô li")));
            SubmissionRepository.Inserted inserted = store.insertWithLog(sample("default", "LOGD-0001", "xin chào", T0),
                    session, SubmissionStoreTest::entry);
            long id = inserted.submission().id();
            assertThat(id).isPositive();
            assertThat(inserted.logged().submissionId()).isEqualTo(id);
            assertThat(inserted.logged().receipt()).isEqualTo("LOGD-0001");
            assertThat(inserted.logged().seq()).isEqualTo(1);
            assertThat(loggedFor(db, id)).isEqualTo(1);
            assertThat(store.sessionValues("default", id)).isEqualTo(session);
            long plain = insert(store, sample("default", "LOGD-0002", "xin chào", T0)).id();
            assertThat(store.sessionValues("default", plain)).isEqualTo(SessionValues.NONE);
        }
    }

    @ParameterizedTest
    @MethodSource("vn.schoolguard.testing.Databases#kinds")
    void whenTheIpLogEntryCannotBeWrittenTheSubmissionIsNotStoredEither(Databases.Kind kind) {
        try (Database db = Databases.open(kind)) {
            JdbcSubmissionStore failing = new JdbcSubmissionStore(db, (connection, entry) -> {
                throw new SQLException("the IP log is full");
            });
            assertThatThrownBy(() -> insert(failing, sample("default", "LOST-0001", "xin chào", T0)))
                    .isInstanceOf(StoreException.class).hasMessageContaining("the IP log is full");
            JdbcSubmissionStore store = store(db);
            assertThatThrownBy(() -> store.insertWithLog(sample("default", "LOST-0002", "xin chào", T0), SessionValues.NONE,
                    s -> {
                        throw new IllegalStateException("no entry");
                    })).isInstanceOf(IllegalStateException.class);
            assertThat(store.findByReceipt("default", "LOST-0001")).isEmpty();
            assertThat(store.findByReceipt("default", "LOST-0002")).isEmpty();
            assertThat(store.countByStatus("default").values()).containsOnly(0L);
            Submission next = insert(store, sample("default", "KEPT-0001", "xin chào", T0));
            assertThat(loggedFor(db, next.id())).isEqualTo(1);
        }
    }

    private static long loggedFor(Database db, long submissionId) {
        return db.read(c -> {
            try (var ps = c.prepareStatement("SELECT COUNT(*) FROM sg_iplog WHERE submission_id = ?")) {
                ps.setLong(1, submissionId);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @ParameterizedTest
    @MethodSource("vn.schoolguard.testing.Databases#kinds")
    void storedSubmissionReadsBackExactly(Databases.Kind kind) {
        try (Database db = Databases.open(kind)) {
            JdbcSubmissionStore store = store(db);
            Submission stored = insert(store, sample("default", "AAAA-BBBB", "Chúc mừng năm mới", T0));
            assertThat(stored.id()).isPositive();
            Submission read = store.find("default", stored.id()).orElseThrow();
            assertThat(read).isEqualTo(stored);
            assertThat(store.findByReceipt("default", "AAAA-BBBB")).contains(stored);
            assertThat(store.find("other-site", stored.id())).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("vn.schoolguard.testing.Databases#kinds")
    void searchFiltersByStatusTextTimeAndPagesInQueueOrder(Databases.Kind kind) {
        try (Database db = Databases.open(kind)) {
            JdbcSubmissionStore store = store(db);
            for (int i = 0; i < 7; i++) {
                insert(store, sample("default", "AAAA-000" + i, i % 2 == 0 ? "Lịch thi học kỳ " + i : "100% off_sale " + i,
                        T0.plusSeconds(i)));
            }
            insert(store, sample("other", "BBBB-0000", "Lịch thi", T0));
            Page<Submission> page = store.search("default", SubmissionQuery.byStatus(Status.PENDING, 3, 0));
            assertThat(page.total()).isEqualTo(7);
            assertThat(page.items()).extracting(Submission::receipt).containsExactly("AAAA-0000", "AAAA-0001", "AAAA-0002");
            Page<Submission> text = store.search("default", new SubmissionQuery(Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.of("LỊCH THI"), Optional.empty(), Optional.empty(), 50, 0));
            assertThat(text.total()).isEqualTo(4);
            Page<Submission> literal = store.search("default", new SubmissionQuery(Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.of("100% off_"), Optional.empty(), Optional.empty(), 50, 0));
            assertThat(literal.total()).isEqualTo(3);
            Page<Submission> window = store.search("default", new SubmissionQuery(Optional.empty(), Optional.empty(),
                    Optional.of(T0.plusSeconds(2)), Optional.of(T0.plusSeconds(4)), Optional.empty(), Optional.empty(),
                    Optional.of("gambling.phrase"), 50, 0));
            assertThat(window.items()).extracting(Submission::receipt).containsExactly("AAAA-0003", "AAAA-0002");
            assertThat(store.countByStatus("default")).containsEntry(Status.PENDING, 7L).containsEntry(Status.APPROVED, 0L);
        }
    }

    @ParameterizedTest
    @MethodSource("vn.schoolguard.testing.Databases#kinds")
    void transitionsHappenOnceAndLeaveAnAppendOnlyHistory(Databases.Kind kind) {
        try (Database db = Databases.open(kind)) {
            JdbcSubmissionStore store = store(db);
            long id = insert(store, sample("default", "CCCC-0001", "xin chào", T0)).id();
            assertThat(store.transition("default", id, Status.PENDING, Status.REJECTED, "reject", "mod", T0.plusSeconds(5),
                    "quảng cáo", null, null)).hasValueSatisfying(s -> {
                        assertThat(s.review().status()).isEqualTo(Status.REJECTED);
                        assertThat(s.review().decidedBy()).isEqualTo("mod");
                        assertThat(s.review().decisionReason()).isEqualTo("quảng cáo");
                    });
            assertThat(store.transition("default", id, Status.PENDING, Status.SPAM, "spam", "mod", T0, null, null, null)).isEmpty();
            List<Decision> history = store.history("default", id);
            assertThat(history).singleElement().satisfies(d -> {
                assertThat(d.action()).isEqualTo("reject");
                assertThat(d.actor()).isEqualTo("mod");
                assertThat(d.actedAt()).isEqualTo(T0.plusSeconds(5));
                assertThat(d.fromStatus()).isEqualTo(Status.PENDING);
                assertThat(d.toStatus()).isEqualTo(Status.REJECTED);
            });
            assertThat(store.recentDecisions("default", 10, 0).total()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("vn.schoolguard.testing.Databases#kinds")
    void concurrentClaimsLetExactlyOneApprovalReplay(Databases.Kind kind) throws Exception {
        try (Database db = Databases.open(kind)) {
            JdbcSubmissionStore store = store(db);
            long id = insert(store, sample("default", "DDDD-0001", "hello", T0)).id();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String actor = "mod" + i;
                Callable<Boolean> claim = () -> store.transition("default", id, Status.PENDING, Status.REPLAYING, null, actor,
                        T0, null, null, null).isPresent();
                claims.add(pool.submit(claim));
            }
            int won = 0;
            for (Future<Boolean> claim : claims) {
                won += claim.get() ? 1 : 0;
            }
            pool.shutdown();
            assertThat(won).isEqualTo(1);
            assertThat(store.finishReplay("default", id, true, 303, null, "mod", T0.plusSeconds(1)))
                    .hasValueSatisfying(s -> assertThat(s.review().status()).isEqualTo(Status.APPROVED));
            assertThat(store.history("default", id)).extracting(Decision::action).containsExactly("approve");
        }
    }

    @ParameterizedTest
    @MethodSource("vn.schoolguard.testing.Databases#kinds")
    void interruptedReplayReturnsToTheQueueWithAWarning(Databases.Kind kind) {
        try (Database db = Databases.open(kind)) {
            JdbcSubmissionStore store = store(db);
            long id = insert(store, sample("default", "EEEE-0001", "hello", T0)).id();
            store.transition("default", id, Status.PENDING, Status.REPLAYING, null, "mod", T0, null, null, null);
            assertThat(store.releaseStaleReplays("default", Duration.ofMinutes(10), T0.plus(Duration.ofMinutes(5)))).isZero();
            assertThat(store.releaseStaleReplays("default", Duration.ofMinutes(10), T0.plus(Duration.ofMinutes(11)))).isEqualTo(1);
            Submission back = store.find("default", id).orElseThrow();
            assertThat(back.review().status()).isEqualTo(Status.PENDING);
            assertThat(back.review().replayError()).contains("interrupted");
        }
    }

    @ParameterizedTest
    @MethodSource("vn.schoolguard.testing.Databases#kinds")
    void failedReplayKeepsTheSubmissionPendingWithTheError(Databases.Kind kind) {
        try (Database db = Databases.open(kind)) {
            JdbcSubmissionStore store = store(db);
            long id = insert(store, sample("default", "FFFF-0001", "hello", T0)).id();
            store.transition("default", id, Status.PENDING, Status.REPLAYING, null, "mod", T0, null, null, null);
            Submission failed = store.finishReplay("default", id, false, 500, "the application answered 500", "mod", T0).orElseThrow();
            assertThat(failed.review().status()).isEqualTo(Status.PENDING);
            assertThat(failed.review().replayStatus()).isEqualTo(500);
            assertThat(failed.review().replayAttempts()).isEqualTo(1);
            assertThat(store.history("default", id)).extracting(Decision::action).containsExactly("replay-failed");
        }
    }
}
