package vn.schoolguard.internal.moderation;

import vn.schoolguard.internal.db.Page;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read side of moderation for one site: what the console and the REST API look up. Implementations are
 * thread-safe; {@link #of(Moderation)} reads through the moderation's own store.
 */
public interface SubmissionQueries {

    /** The submission with this id, if it belongs to this site. */
    Optional<Submission> find(long id);

    /** The submission a poster's receipt code names (normalized code, as {@code ReceiptLookup} gives it). */
    Optional<Submission> findByReceipt(String receipt);

    /** One page of the queue with the query's filters, newest first. */
    Page<Submission> search(SubmissionQuery query);

    /** How many submissions are in each status. */
    Map<Status, Long> countByStatus();

    /** The decisions taken on one submission, oldest first. */
    List<Decision> history(long submissionId);

    /** The latest decisions on any submission. */
    Page<Decision> recentDecisions(int limit, int offset);

    /** The names (never the values) of the session values kept for a submission's replay. */
    List<String> sessionValueNames(long submissionId);

    /** Queries of the moderation's site, read from its store. */
    static SubmissionQueries of(Moderation moderation) {
        return new StoreQueries(moderation.store(), moderation.siteKey());
    }

    /** Queries of one site, read from {@code store}. */
    static SubmissionQueries of(SubmissionRepository store, String siteKey) {
        return new StoreQueries(store, siteKey);
    }
}
