package vn.schoolguard.internal.iplog;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import vn.schoolguard.internal.db.Page;

/**
 * Where the IP log is kept. Implementations store what the core hands them and never compute a hash: the core
 * numbers, hashes and checks; the storage locks, reads and writes. Every method is one transaction of its own
 * and implementations are thread-safe. A storage that also writes submissions offers appending inside the
 * transaction that stores a submission (the JDBC storage: {@code vn.schoolguard.internal.store.JdbcIpLogStorage}).
 */
public interface IpLogStorage {

    /** Creates the site's chain head (seq 0, {@link ChainHash#GENESIS}) unless it exists; safe on several nodes at once. */
    void createHead(String siteKey);

    /**
     * Appends one entry in its own transaction: locks the site's head against other appends, lets {@code append} seal the entry against
     * it, stores the sealed entry, moves the head and, when {@link ChainAppend#checkpointDue} says so, writes a
     * checkpoint.
     */
    IpLogRecord append(ChainAppend append);

    /** The site's head, if it has one. */
    Optional<ChainHead> head(String siteKey);

    /** The site's checkpoints: sequence number to the entry hash recorded then. */
    Map<Long, String> checkpoints(String siteKey);

    /** How many entries match. */
    long count(IpLogWhere.Condition where);

    /** One page of matches, newest first (by time, then sequence number), and how many match in all. */
    Page<IpLogRecord> page(IpLogWhere.Condition where, int limit, int offset);

    /** What a set of matches covers, for a chain proof. */
    Span span(IpLogWhere.Condition where);

    /**
     * Every match in chain order, handed over one at a time from a cursor (memory does not grow with the log).
     * An exception thrown by {@code sink} stops the stream and comes out of this method.
     *
     * @return how many were handed over
     */
    long stream(IpLogWhere.Condition where, Consumer<IpLogRecord> sink);

    /**
     * Deletes a site's entries logged before {@code before}, in one transaction: the last of them stays as a
     * checkpoint that anchors the rest, and older checkpoints go.
     *
     * @return the anchor and how many entries were deleted, or empty when none was old enough
     */
    Optional<Purge> purge(String siteKey, Instant before);

    /**
     * Replaces the personal data of a site's entries logged before {@code before} (not yet pseudonymised): addresses
     * and user by {@code pseudonym}, ports by -1, forwarding chain, user agent and salt by null.
     *
     * @return how many entries were pseudonymised
     */
    int pseudonymise(String siteKey, Instant before, UnaryOperator<String> pseudonym);

    /** Stores one audit entry. */
    void audit(String siteKey, AuditEntry entry);

    /** The site's audit trail, newest first. */
    Page<AuditEntry> auditTrail(String siteKey, int limit, int offset);

    /**
     * What a set of matches covers.
     *
     * @param matches       how many entries match
     * @param firstSeq      the lowest sequence number among them, null when none
     * @param lastSeq       the highest, null when none
     * @param lastEntryHash the hash of the entry at {@code lastSeq}, null when none
     */
    record Span(long matches, Long firstSeq, Long lastSeq, String lastEntryHash) {
    }

    /**
     * A purge: the entry the remaining chain is anchored at, and how many entries went.
     *
     * @param anchor  the last deleted entry (now a checkpoint)
     * @param deleted entries deleted
     */
    record Purge(ChainHead anchor, int deleted) {
    }

    /**
     * One look-up of the log.
     *
     * @param actor      who
     * @param at         when
     * @param action     search, export-csv, verify, ...
     * @param filterJson the search parameters as a JSON object
     * @param rows       how many entries it returned
     * @param clientIp   from where, may be null
     */
    record AuditEntry(String actor, Instant at, String action, String filterJson, long rows, String clientIp) {
    }
}
