package vn.schoolguard.internal.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import vn.schoolguard.internal.db.Page;
import vn.schoolguard.internal.iplog.IpLogEntry;
import vn.schoolguard.internal.iplog.IpLogRecord;

/**
 * Durable storage of submissions and their decision history: the port that moderation works through, implemented
 * over JDBC in {@code vn.schoolguard.store}. Implementations are thread-safe and every state change is one
 * transaction with its history entry.
 */
public interface SubmissionRepository {

    /**
     * Stores a new submission together with its IP-log entry and the poster's session values, in one transaction:
     * neither is ever stored without the other (committed on return).
     *
     * @param submission the submission to store, without an id
     * @param session    the poster's session values kept for replay; {@link SessionValues#NONE} when none are
     * @param logEntry   the IP-log entry of the stored submission (which carries its id)
     * @return the stored submission and the log record written with it
     * @throws vn.schoolguard.internal.db.StoreException when either cannot be stored; then nothing is
     */
    Inserted insertWithLog(Submission submission, SessionValues session, Function<Submission, IpLogEntry> logEntry);

    /** A submission as stored, with the IP-log record committed in its transaction. */
    record Inserted(Submission submission, IpLogRecord logged) {
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
    void addSpamMarks(String siteKey, long submissionId, Map<String, Set<String>> marks, Instant at);

    /** Forgets the spam marks of a submission (a moderator changed their mind). */
    void removeSpamMarks(String siteKey, long submissionId);

    /** The session values kept with a submission; {@link SessionValues#NONE} when none were. */
    SessionValues sessionValues(String siteKey, long submissionId);
}
