package vn.schoolguard.internal.spam;

import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the spam model: threshold overrides (default: those calibrated with the shipped model).
 *
 * @param spamThreshold    {@code spam.model.spam-threshold}: the probability at or above which a text with a
 *                         promotion target is filed as spam
 * @param suspectThreshold {@code spam.model.suspect-threshold}: the probability at or above which a text is held
 *                         as suspect
 * @param siteLearning     {@code spam.site-learning}: what this site's moderators' decisions do to scores
 * @param minDecisions     {@code spam.site-learning.min-decisions}: decisions of each kind before learning counts
 */
public record SpamModelSettings(Optional<Double> spamThreshold, Optional<Double> suspectThreshold,
                                SiteLearner.Mode siteLearning, int minDecisions) {

    /** Default of {@code spam.site-learning}. */
    public static final SiteLearner.Mode DEFAULT_SITE_LEARNING = SiteLearner.Mode.SHADOW;
    /** Default of {@code spam.site-learning.min-decisions}. */
    public static final int DEFAULT_MIN_DECISIONS = 20;

    public SpamModelSettings {
        spamThreshold = Objects.requireNonNullElse(spamThreshold, Optional.empty());
        suspectThreshold = Objects.requireNonNullElse(suspectThreshold, Optional.empty());
        siteLearning = Objects.requireNonNullElse(siteLearning, DEFAULT_SITE_LEARNING);
    }

    /** The calibrated thresholds of the shipped model; site learning in shadow mode. */
    public static SpamModelSettings defaults() {
        return new SpamModelSettings(Optional.empty(), Optional.empty(), DEFAULT_SITE_LEARNING, DEFAULT_MIN_DECISIONS);
    }
}
