package vn.schoolguard.internal.iplog;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.schoolguard.internal.iplog.ChainTestRecords.chain;
import static vn.schoolguard.internal.iplog.ChainTestRecords.headOf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The verifier on chains built in memory: every kind of tampering is found and the first bad entry named. */
class ChainVerifierTest {

    private static VerifyResult verify(List<IpLogRecord> rows, Map<Long, String> checkpoints, ChainHead head) {
        ChainVerifier verifier = new ChainVerifier(ChainTestRecords.SITE, checkpoints, n -> { });
        try {
            rows.forEach(verifier::accept);
        } catch (ChainVerifier.Broken broken) {
            return broken.result();
        }
        return verifier.finish(head.seq(), head.hash());
    }

    private static VerifyResult verify(List<IpLogRecord> rows, ChainHead head) {
        return verify(rows, Map.of(), head);
    }

    @Test
    void anIntactChainVerifies() {
        List<IpLogRecord> rows = chain(12);
        assertThat(verify(rows, headOf(rows))).isEqualTo(new VerifyResult(true, 12, -1, "all 12 entries verify, up to seq 12"));
    }

    @Test
    void anEmptyLogVerifiesOnlyWhenItsHeadSaysNothingWasLogged() {
        assertThat(verify(List.of(), new ChainHead(0, ChainHash.GENESIS, null)).message()).isEqualTo("the log is empty");
        VerifyResult emptied = verify(List.of(), new ChainHead(5, "a".repeat(64), null));
        assertThat(emptied.ok()).isFalse();
        assertThat(emptied.message()).contains("the log is empty but its head says 5 entries were logged");
    }

    @Test
    void aTamperedRowIsNamed() {
        List<IpLogRecord> rows = new ArrayList<>(chain(8));
        rows.set(4, ChainTestRecords.withRoute(rows.get(4), "forum"));
        assertThat(verify(rows, headOf(rows))).satisfies(r -> {
            assertThat(r.ok()).isFalse();
            assertThat(r.badSeq()).isEqualTo(5);
            assertThat(r.checked()).isEqualTo(4);
            assertThat(r.message()).isEqualTo("entry seq 5 was altered: its content does not match its hash");
        });
    }

    @Test
    void aTamperedAddressIsNamedAsPersonalData() {
        List<IpLogRecord> rows = new ArrayList<>(chain(8));
        rows.set(2, ChainTestRecords.withClientIp(rows.get(2), "1.1.1.1"));
        assertThat(verify(rows, headOf(rows)).message())
                .isEqualTo("entry seq 3 was altered: its address, port, user agent or user do not match what was logged");
    }

    @Test
    void aPseudonymisedRowIsStillBoundByItsEntryHash() {
        List<IpLogRecord> rows = new ArrayList<>(chain(4));
        IpLogRecord r = ChainTestRecords.withClientIp(rows.get(1), "anon-0123456789ab");
        IpLogRecord.Seal s = r.seal();
        rows.set(1, new IpLogRecord(r.seq(), r.loggedAt(), r.origin(), r.attempt(),
                new IpLogRecord.Seal(null, s.personalHash(), true, s.prevHash(), s.entryHash())));
        assertThat(verify(rows, headOf(rows)).ok()).isTrue();
        rows.set(1, ChainTestRecords.withRoute(rows.get(1), "guestbook"));
        assertThat(verify(rows, headOf(rows)).message()).isEqualTo("entry seq 2 was altered: its content does not match its hash");
    }

    @Test
    void aDeletedRowIsNamedWhereverItWas() {
        List<IpLogRecord> rows = new ArrayList<>(chain(8));
        ChainHead head = headOf(rows);
        List<IpLogRecord> middle = new ArrayList<>(rows);
        middle.remove(4);
        assertThat(verify(middle, head).message()).isEqualTo("entry seq 5 is missing (deleted); the next entry present is seq 6");
        List<IpLogRecord> first = new ArrayList<>(rows);
        first.remove(0);
        assertThat(verify(first, head).message())
                .isEqualTo("entries before seq 2 are missing and no checkpoint anchors the chain there (deleted entries)");
        List<IpLogRecord> last = new ArrayList<>(rows);
        last.remove(7);
        assertThat(verify(last, head)).satisfies(r -> {
            assertThat(r.badSeq()).isEqualTo(8);
            assertThat(r.message()).isEqualTo("entries after seq 7 are missing: the head says the last entry is seq 8");
        });
    }

    @Test
    void reorderedRowsAreNamed() {
        List<IpLogRecord> rows = chain(6);
        ChainHead head = headOf(rows);
        // Handed over out of order: the gap shows at once.
        List<IpLogRecord> shuffled = new ArrayList<>(List.of(rows.get(0), rows.get(2), rows.get(1), rows.get(3), rows.get(4), rows.get(5)));
        assertThat(verify(shuffled, head).message()).isEqualTo("entry seq 2 is missing (deleted); the next entry present is seq 3");
        // Renumbered to swap two entries: the links break instead.
        List<IpLogRecord> swapped = new ArrayList<>(List.of(rows.get(0), ChainTestRecords.withSeq(rows.get(2), 2),
                ChainTestRecords.withSeq(rows.get(1), 3), rows.get(3), rows.get(4), rows.get(5)));
        assertThat(verify(swapped, head).message())
                .isEqualTo("entry seq 2 does not follow the entry before it (inserted, reordered or the previous entry was altered)");
    }

    @Test
    void aRowRewrittenWithFreshHashesStillBreaksTheLinkToItsSuccessor() {
        List<IpLogRecord> rows = new ArrayList<>(chain(6));
        rows.set(2, ChainTestRecords.rehashed(ChainTestRecords.withRoute(rows.get(2), "forum"), rows.get(1).entryHash()));
        assertThat(verify(rows, headOf(chain(6))).message()).startsWith("entry seq 4 does not follow");
    }

    @Test
    void aRewrittenTailIsCaughtByTheHead() {
        List<IpLogRecord> rows = new ArrayList<>(chain(6));
        ChainHead head = headOf(rows);
        String prev = rows.get(3).entryHash();
        for (int i = 4; i < rows.size(); i++) {
            IpLogRecord forged = ChainTestRecords.rehashed(i == 4 ? ChainTestRecords.withRoute(rows.get(i), "forum") : rows.get(i), prev);
            rows.set(i, forged);
            prev = forged.entryHash();
        }
        assertThat(verify(rows, head).ok()).isFalse();
    }

    @Test
    void aForgedCheckpointIsNamed() {
        List<IpLogRecord> rows = chain(6);
        Map<Long, String> forged = Map.of(3L, "f".repeat(64));
        assertThat(verify(rows, forged, headOf(rows))).satisfies(r -> {
            assertThat(r.badSeq()).isEqualTo(3);
            assertThat(r.message()).isEqualTo("entry seq 3 disagrees with the checkpoint taken when it was logged");
        });
    }

    @Test
    void aPurgeIsAnchoredByItsCheckpointAndAForgedAnchorIsNamed() {
        List<IpLogRecord> rows = chain(8);
        List<IpLogRecord> kept = rows.subList(3, 8);
        Map<Long, String> anchor = new HashMap<>(Map.of(3L, rows.get(2).entryHash()));
        assertThat(verify(kept, anchor, headOf(rows))).isEqualTo(new VerifyResult(true, 5, -1, "all 5 entries verify, up to seq 8"));
        anchor.put(3L, "f".repeat(64));
        assertThat(verify(kept, anchor, headOf(rows)).message())
                .isEqualTo("entry seq 4 does not follow the entry before it (inserted, reordered or the previous entry was altered)");
        // An anchor at another place does not cover the gap.
        assertThat(verify(kept, Map.of(2L, rows.get(1).entryHash()), headOf(rows)).message())
                .startsWith("entries before seq 4 are missing");
    }

    @Test
    void aPurgedLogWhoseHeadIsItsCheckpointVerifiesEmpty() {
        List<IpLogRecord> rows = chain(3);
        assertThat(verify(List.of(), Map.of(3L, rows.get(2).entryHash()), headOf(rows)).ok()).isTrue();
    }
}
