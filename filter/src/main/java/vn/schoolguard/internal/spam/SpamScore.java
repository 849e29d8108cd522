package vn.schoolguard.internal.spam;

import java.util.List;

/** A submission's score with the reasons behind it. */
public record SpamScore(Verdict verdict, double score, List<Reason> reasons) {

    public SpamScore {
        reasons = List.copyOf(reasons);
    }
}
