package vn.schoolguard.internal.iplog;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import vn.schoolguard.internal.db.Page;

/**
 * The append-only, hash-chained log of one site's submission attempts, with search, streaming, verification,
 * retention and an audit of every look-up. One object for the filter, the console and the command line to hold;
 * each capability is a small class behind it ({@link ChainAppend}, {@link IpLogSearch}, {@link ChainVerifier},
 * {@link ChainRetention}, {@link IpLogAudit}) and the rows are kept by an {@link IpLogStorage}. Thread-safe;
 * appends of one site are serialised by the storage's lock on the chain's head, which keeps sequence numbers
 * gapless on one node or many.
 */
public final class IpLog {

    /** Logger that mirrors every entry, key facts in the text and every column in the MDC (the sample writes logs/iplog.json). */
    public static final String MIRROR_LOGGER = "vn.schoolguard.iplog";

    private final IpLogStorage storage;
    private final String siteKey;
    private final IpLogMirror mirror;
    private final IpLogWriter writer;
    private final IpLogSearch search;
    private final ChainRetention retention;
    private final IpLogAudit audit;

    /** Opens the log of {@code siteKey} in {@code storage}, creating its chain head when it has none. */
    public IpLog(IpLogStorage storage, String siteKey, Clock clock) {
        this.storage = storage;
        this.siteKey = siteKey;
        this.mirror = new IpLogMirror(clock);
        this.writer = new IpLogWriter(storage, siteKey, clock, mirror);
        this.search = new IpLogSearch(storage, siteKey);
        this.retention = new ChainRetention(storage, siteKey, mirror);
        this.audit = new IpLogAudit(storage, siteKey, clock);
        storage.createHead(siteKey);
    }

    /** The site this log belongs to. */
    public String siteKey() {
        return siteKey;
    }

    /**
     * An entry ready to be appended inside a transaction the caller holds (so a submission is never stored without
     * its entry): hand it to the storage's in-transaction append, then {@link #mirror} the record once committed.
     */
    public ChainAppend prepare(IpLogEntry entry) {
        return writer.prepare(entry);
    }

    /**
     * Appends an entry in its own transaction, then mirrors it to the log.
     *
     * @throws vn.schoolguard.internal.db.StoreException when the database is unavailable (the caller refuses the attempt)
     */
    public IpLogRecord record(IpLogEntry entry) {
        return writer.record(entry);
    }

    /**
     * Writes an entry to the mirror logger (call after the transaction commits): the key facts in the text, e.g.
     * {@code iplog seq=42 outcome=held client=203.0.113.7:51234 peer=10.0.0.2:40112 route=comments ...}, every
     * column as an MDC field for structured appenders.
     */
    public void mirror(IpLogRecord r) {
        mirror.stored(r);
    }

    /** Mirrors an attempt that could not be stored at all (the database was down), so some trace remains. */
    public void mirrorUnstored(IpLogEntry e, String why) {
        mirror.unstored(e, why);
    }

    /** One page of matches, newest first, and the number of matches. */
    public Page<IpLogRecord> search(IpLogQuery query) {
        return search.search(query);
    }

    /** Number of matches (for a progress bar). */
    public long count(IpLogQuery query) {
        return search.count(query);
    }

    /** How many entries match, the first and last sequence number among them and the last one's hash (for a proof). */
    public Map<String, Object> span(IpLogQuery query) {
        return search.span(query);
    }

    /** Every match in chain order, handed over one at a time from a database cursor: memory does not grow with the log. */
    public long stream(IpLogQuery query, Consumer<IpLogRecord> sink) {
        return search.stream(query, sink);
    }

    /** The chain's head: the last sequence number and hash. */
    public Map<String, Object> head() {
        return search.head();
    }

    /**
     * Checks the whole chain: every entry's content against its hash, every link to the previous entry,
     * gapless numbering, checkpoints, and the head. Names the first bad entry.
     */
    public VerifyResult verify(LongConsumer progress) {
        return ChainVerifier.verify(storage, siteKey, progress);
    }

    /**
     * Applies retention: replaces personal data of entries older than {@code pseudonymiseBefore} (if given)
     * by pseudonyms, and deletes entries older than {@code deleteBefore}, leaving a checkpoint that anchors
     * what remains.
     *
     * @return how many entries were deleted and how many pseudonymised
     */
    public int[] applyRetention(Instant deleteBefore, Optional<Instant> pseudonymiseBefore) {
        return retention.apply(deleteBefore, pseudonymiseBefore);
    }

    /** Records a look-up of the log: who, what filter, how many rows. */
    public void audit(String actor, String action, Map<String, String> filter, long rows, String clientIp) {
        audit.record(actor, action, filter, rows, clientIp);
    }

    /** The audit trail, newest first. */
    public Page<Map<String, Object>> auditTrail(int limit, int offset) {
        return audit.trail(limit, offset);
    }
}
