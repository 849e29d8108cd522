package vn.schoolguard.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.schoolguard.db.Page;

/**
 * Durable storage of submissions and their decision history. Implementations are thread-safe and
 * every state change is one transaction with its history entry.
 */
public interface SubmissionStore {

    /** Stores a new submission (committed on return) and returns it with its id. */
    default Submission insert(Submission submission) {
        return insert(submission, (connection, stored) -> { });
    }

    /**
     * Stores a new submission and, in the same transaction, whatever {@code alongside} writes (the IP log
     * entry), so that neither is ever stored without the other.
     */
    Submission insert(Submission submission, Alongside alongside);

    /** Work done in the transaction that stores a submission. */
    @FunctionalInterface
    interface Alongside {
        void write(java.sql.Connection connection, Submission stored) throws java.sql.SQLException;
    }

    Optional<Submission> find(String siteKey, long id);

    Optional<Submission> findByReceipt(String siteKey, String receipt);

    Page<Submission> search(String siteKey, SubmissionQuery query);

    /** Number of submissions in each status. */
    Map<Status, Long> countByStatus(String siteKey);

    /**
     * Moves a submission from one status to another if it is still in {@code from}, writing the history
     * entry (unless {@code action} is null) in the same transaction. {@code newFields} and {@code newQueryFields}
     * (each may be null) replace the body and query-string fields the app receives.
     *
     * @return the updated submission, or empty when it was no longer in {@code from}
     */
    Optional<Submission> transition(String siteKey, long id, Status from, Status to, String action, String actor,
                                    Instant at, String reason, String detail, Map<String, List<String>> newFields,
                                    Map<String, List<String>> newQueryFields);

    /** {@link #transition(String, long, Status, Status, String, String, Instant, String, String, Map, Map)} keeping the query-string fields. */
    default Optional<Submission> transition(String siteKey, long id, Status from, Status to, String action, String actor,
                                            Instant at, String reason, String detail, Map<String, List<String>> newFields) {
        return transition(siteKey, id, from, to, action, actor, at, reason, detail, newFields, null);
    }

    /** Records the outcome of a replay on a submission in {@link Status#REPLAYING}. */
    Optional<Submission> finishReplay(String siteKey, long id, boolean stored, int appStatus, String error,
                                      String actor, Instant at);

    /**
     * Approved submissions the application accepted between {@code sentFrom} and {@code sentBefore} whose text was
     * never seen in a page, oldest first: what a moderator should look at.
     */
    Page<Submission> unseen(String siteKey, Instant sentFrom, Instant sentBefore, int limit);

    /** Returns submissions stuck in {@link Status#REPLAYING} longer than {@code olderThan} to the queue. */
    int releaseStaleReplays(String siteKey, Duration olderThan, Instant now);

    List<Decision> history(String siteKey, long submissionId);

    Page<Decision> recentDecisions(String siteKey, int limit, int offset);

    /** Remembers what a moderator marked as spam (kind → values: ip, email, host, fingerprint) for the scorer. */
    void addSpamMarks(String siteKey, long submissionId, Map<String, java.util.Set<String>> marks, Instant at);

    /** Forgets the spam marks of a submission (a moderator changed their mind). */
    void removeSpamMarks(String siteKey, long submissionId);

    /**
     * Keeps the poster's session values of a submission, in the transaction that stores it (from an
     * {@link Alongside}).
     */
    void keepSessionValues(java.sql.Connection connection, String siteKey, long submissionId, SessionValues values)
            throws java.sql.SQLException;

    /** The session values kept with a submission; {@link SessionValues#NONE} when none were. */
    SessionValues sessionValues(String siteKey, long submissionId);
}
