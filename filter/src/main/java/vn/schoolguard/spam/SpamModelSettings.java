package vn.schoolguard.spam;

import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the spam model: threshold overrides (default: those calibrated with the shipped model).
 *
 * @param spamThreshold    {@code spam.model.spam-threshold}: the probability at or above which a text with a
 *                         promotion target is filed as spam
 * @param suspectThreshold {@code spam.model.suspect-threshold}: the probability at or above which a text is held
 *                         as suspect
 */
public record SpamModelSettings(Optional<Double> spamThreshold, Optional<Double> suspectThreshold) {

    public SpamModelSettings {
        spamThreshold = Objects.requireNonNullElse(spamThreshold, Optional.empty());
        suspectThreshold = Objects.requireNonNullElse(suspectThreshold, Optional.empty());
    }

    /** The calibrated thresholds of the shipped model. */
    public static SpamModelSettings defaults() {
        return new SpamModelSettings(Optional.empty(), Optional.empty());
    }
}
