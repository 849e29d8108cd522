package vn.schoolguard.internal.spam;

import java.time.Instant;
import java.util.Set;

/**
 * What the scorer needs to know about earlier submissions and moderators' decisions.
 *
 * <p>Each method is one cheap look-up, answerable by one indexed SQL query; implementations must be
 * thread-safe, as one scorer serves all requests. Scores depend only on the rules, the input and
 * these answers, so approved content can be re-scored when the rules change.
 * {@link InMemorySpamMemory} serves the command line and tests; {@link #NONE} knows nothing.
 */
public interface SpamMemory {

    /** A memory that has seen nothing: history rules never fire. */
    SpamMemory NONE = new SpamMemory() {
        @Override
        public int countSameFingerprint(String fingerprint, Instant from, Instant to) {
            return 0;
        }

        @Override
        public boolean markedSpamIp(String ip) {
            return false;
        }

        @Override
        public boolean markedSpamEmail(String email) {
            return false;
        }

        @Override
        public Set<String> markedSpamHosts(Set<String> hosts) {
            return Set.of();
        }

        @Override
        public boolean markedSpamFingerprint(String fingerprint) {
            return false;
        }

        @Override
        public boolean holdsSignatures() {
            return false;
        }
    };

    /**
     * How many stored submissions carry this fingerprint ({@link SpamScorer#fingerprint(ScoringInput)})
     * and were received at or after {@code from} and before {@code to}. The submission being scored is
     * received at {@code to}, so it is never counted. SQL: {@code count(*) ... where fingerprint = ? and
     * received_at >= ? and received_at < ?} over an index on (fingerprint, received_at).
     */
    int countSameFingerprint(String fingerprint, Instant from, Instant to);

    /** Whether a moderator marked as spam any submission from this client IP (as the filter stores it). */
    boolean markedSpamIp(String ip);

    /** Whether a moderator marked as spam any submission with this e-mail address (trimmed, lower case). */
    boolean markedSpamEmail(String email);

    /**
     * Which of these hosts (lower case, as given by {@link SpamScorer#hosts(ScoringInput)}) occur in a
     * submission a moderator marked as spam. SQL: {@code select host ... where host in (...)}; at most
     * {@value SpamScorer#MAX_HOSTS} hosts are asked at once.
     */
    Set<String> markedSpamHosts(Set<String> hosts);

    /** Whether a moderator marked as spam a submission with this fingerprint. */
    boolean markedSpamFingerprint(String fingerprint);

    /**
     * The near-duplicate signatures ({@link SpamScorer#campaignMarks}, kind {@code minhash}) of submissions a
     * moderator marked as spam that share at least one of these band keys (kind {@code band}). SQL: the
     * submissions with a {@code band} mark in the set, then their {@code minhash} marks. A memory without
     * campaign marks answers none, so the campaign rule never fires.
     */
    default Set<String> markedSpamSignatures(Set<String> bands) {
        return Set.of();
    }

    /**
     * Whether any submission a moderator marked as spam carries a near-duplicate signature. False lets the
     * scorer skip working out the text's own signature (a tenth of a long text's scoring), which nothing could
     * match; true must hold from the first such mark on, and may stay true after the marks are gone. The
     * default, {@code true}, is always right.
     */
    default boolean holdsSignatures() {
        return true;
    }
}
