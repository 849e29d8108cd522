package vn.schoolguard.internal.iplog;

import java.util.Map;
import java.util.function.LongConsumer;

/** Walks entries in chain order and stops at the first one that does not check out. */
final class ChainVerifier {

    /**
     * Checks a site's whole chain as stored: every entry's content against its hash, every link to the previous
     * entry, gapless numbering, checkpoints, and the head. Names the first bad entry.
     */
    static VerifyResult verify(IpLogStorage storage, String siteKey, LongConsumer progress) {
        Map<Long, String> checkpoints = storage.checkpoints(siteKey);
        ChainHead head = storage.head(siteKey).orElse(new ChainHead(0, ChainHash.GENESIS, null));
        ChainVerifier verifier = new ChainVerifier(siteKey, checkpoints, progress);
        try {
            storage.stream(IpLogWhere.site(siteKey), verifier::accept);
        } catch (Broken broken) {
            return broken.result();
        }
        return verifier.finish(head.seq(), head.hash());
    }

    /** Thrown to stop the stream at the first bad entry. */
    static final class Broken extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient VerifyResult result;

        Broken(VerifyResult result) {
            super(result.message(), null, false, false);
            this.result = result;
        }

        VerifyResult result() {
            return result;
        }
    }

    private final String siteKey;
    private final Map<Long, String> checkpoints;
    private final LongConsumer progress;
    private long checked;
    private long lastSeq = -1;
    private String lastHash;

    ChainVerifier(String siteKey, Map<Long, String> checkpoints, LongConsumer progress) {
        this.siteKey = siteKey;
        this.checkpoints = checkpoints;
        this.progress = progress;
    }

    void accept(IpLogRecord r) {
        if (lastSeq < 0) {
            String anchor = r.seq() == 1 ? ChainHash.GENESIS : checkpoints.get(r.seq() - 1);
            if (anchor == null) {
                fail(r.seq(), "entries before seq " + r.seq() + " are missing and no checkpoint anchors the chain there (deleted entries)");
            }
            lastHash = anchor;
        } else if (r.seq() != lastSeq + 1) {
            fail(lastSeq + 1, "entry seq " + (lastSeq + 1) + " is missing (deleted); the next entry present is seq " + r.seq());
        }
        if (!r.prevHash().equals(lastHash)) {
            fail(r.seq(), "entry seq " + r.seq() + " does not follow the entry before it (inserted, reordered or the previous entry was altered)");
        }
        if (!r.pseudonymised()) {
            String personal = ChainHash.personal(r.personalSalt(), r.origin());
            if (!personal.equals(r.personalHash())) {
                fail(r.seq(), "entry seq " + r.seq() + " was altered: its address, port, user agent or user do not match what was logged");
            }
        }
        if (!ChainHash.entry(siteKey, r).equals(r.entryHash())) {
            fail(r.seq(), "entry seq " + r.seq() + " was altered: its content does not match its hash");
        }
        String checkpoint = checkpoints.get(r.seq());
        if (checkpoint != null && !checkpoint.equals(r.entryHash())) {
            fail(r.seq(), "entry seq " + r.seq() + " disagrees with the checkpoint taken when it was logged");
        }
        lastSeq = r.seq();
        lastHash = r.entryHash();
        checked++;
        if (checked % 10_000 == 0) {
            progress.accept(checked);
        }
    }

    VerifyResult finish(long headSeq, String headHash) {
        progress.accept(checked);
        long last = lastSeq < 0 ? headSeq : lastSeq;
        if (lastSeq < 0 && headSeq > 0 && !checkpoints.containsKey(headSeq)) {
            return new VerifyResult(false, checked, 1, "the log is empty but its head says " + headSeq + " entries were logged (deleted entries)");
        }
        if (last != headSeq || (lastSeq >= 0 && !lastHash.equals(headHash))) {
            return new VerifyResult(false, checked, last + 1, "entries after seq " + last + " are missing: the head says the last entry is seq " + headSeq);
        }
        return new VerifyResult(true, checked, -1, checked == 0 ? "the log is empty" : "all " + checked + " entries verify, up to seq " + last);
    }

    private void fail(long seq, String message) {
        throw new Broken(new VerifyResult(false, checked, seq, message));
    }
}
