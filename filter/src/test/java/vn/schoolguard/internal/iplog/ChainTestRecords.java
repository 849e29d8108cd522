package vn.schoolguard.internal.iplog;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import vn.schoolguard.internal.net.ClientAddress;
import vn.schoolguard.testing.MutableClock;

/** Builds chains in memory, sealed exactly as the storage would seal them, for tests that need no database. */
final class ChainTestRecords {

    static final String SITE = "default";
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private ChainTestRecords() {
    }

    static IpLogEntry entry(int i) {
        return new IpLogEntry(new ClientAddress("113.161.0." + i, 50000 + i, "10.0.0.1", 40000, "X-Forwarded-For: 113.161.0." + i,
                false, true), "Mozilla/5.0 (Android 14)", i % 3 == 0 ? "hs" + i : null, "comments", "POST", "/news/1/comments",
                i % 2 == 0 ? (long) i : null, i % 2 == 0 ? "R-" + i : null, Outcome.HELD, null, "ab".repeat(32));
    }

    /** {@code n} entries chained from the genesis, one a minute, each with a fixed salt (so the test is repeatable). */
    static List<IpLogRecord> chain(int n) {
        MutableClock clock = new MutableClock(T0);
        List<IpLogRecord> rows = new ArrayList<>();
        ChainHead head = new ChainHead(0, ChainHash.GENESIS, Instant.EPOCH);
        for (int i = 1; i <= n; i++) {
            IpLogRecord r = new ChainAppend(SITE, entry(i), clock).seal(head, "5a17".repeat(8));
            rows.add(r);
            head = new ChainHead(r.seq(), r.entryHash(), r.loggedAt());
            clock.advance(Duration.ofMinutes(1));
        }
        return rows;
    }

    static ChainHead headOf(List<IpLogRecord> rows) {
        IpLogRecord last = rows.get(rows.size() - 1);
        return new ChainHead(last.seq(), last.entryHash(), last.loggedAt());
    }

    static IpLogRecord withSeq(IpLogRecord r, long seq) {
        return new IpLogRecord(seq, r.loggedAt(), r.origin(), r.attempt(), r.seal());
    }

    static IpLogRecord withRoute(IpLogRecord r, String route) {
        IpLogRecord.Attempt a = r.attempt();
        return new IpLogRecord(r.seq(), r.loggedAt(), r.origin(), new IpLogRecord.Attempt(route, a.method(), a.path(),
                a.submissionId(), a.receipt(), a.outcome(), a.detail(), a.contentSha256()), r.seal());
    }

    static IpLogRecord withClientIp(IpLogRecord r, String ip) {
        IpLogRecord.Origin o = r.origin();
        return new IpLogRecord(r.seq(), r.loggedAt(), new IpLogRecord.Origin(ip, o.clientPort(), o.peerIp(), o.peerPort(),
                o.forwardedChain(), o.forwardedFlag(), o.userAgent(), o.posterUser()), r.attempt(), r.seal());
    }

    /** Rehashes a record as a forger who knows the scheme would, after the previous entry's hash {@code prev}. */
    static IpLogRecord rehashed(IpLogRecord r, String prev) {
        IpLogRecord.Seal s = r.seal();
        IpLogRecord relinked = new IpLogRecord(r.seq(), r.loggedAt(), r.origin(), r.attempt(),
                new IpLogRecord.Seal(s.personalSalt(), ChainHash.personal(s.personalSalt(), r.origin()), s.pseudonymised(), prev, null));
        return relinked.withEntryHash(ChainHash.entry(SITE, relinked));
    }
}
