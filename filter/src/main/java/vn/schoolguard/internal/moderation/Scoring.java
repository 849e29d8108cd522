package vn.schoolguard.internal.moderation;

import java.util.List;

import vn.schoolguard.internal.spam.Reason;
import vn.schoolguard.internal.spam.SpamScore;
import vn.schoolguard.internal.spam.Verdict;

/**
 * How the spam scorer judged a submission when it arrived.
 *
 * @param verdict     the scorer's verdict
 * @param score       the scorer's score
 * @param reasons     the scorer's reasons
 * @param fingerprint a fingerprint of the normalized text, for repeat detection
 */
public record Scoring(Verdict verdict, double score, List<Reason> reasons, String fingerprint) {

    public Scoring {
        reasons = List.copyOf(reasons);
    }

    /** The scorer's answer with the text's fingerprint. */
    public static Scoring of(SpamScore score, String fingerprint) {
        return new Scoring(score.verdict(), score.score(), score.reasons(), fingerprint);
    }
}
