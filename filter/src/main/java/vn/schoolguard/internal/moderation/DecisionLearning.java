package vn.schoolguard.internal.moderation;

import vn.schoolguard.internal.spam.ScoringInput;

/** Told of every moderator decision that says what a text is (approve = legitimate, spam = spam), for per-site learning. */
@FunctionalInterface
public interface DecisionLearning {

    /** No learning. */
    DecisionLearning NONE = (id, input, spam) -> { };

    /** A moderator decided submission {@code id} (as the scorer saw it) is spam or legitimate; a later decision replaces it. */
    void decided(long id, ScoringInput input, boolean spam);
}
