package vn.schoolguard.spam;

import vn.schoolguard.config.ConfigReader;

/**
 * Spam scoring thresholds.
 *
 * @param spamThreshold    a score at or above this files the submission as spam
 * @param suspectThreshold a score at or above this flags it for the moderator
 */
public record SpamSettings(double spamThreshold, double suspectThreshold) {

    public static SpamSettings read(ConfigReader reader) {
        double spam = reader.decimal("spam.threshold.spam", 10, 0.1, 1000);
        double suspect = reader.decimal("spam.threshold.suspect", 4, 0.1, 1000);
        if (suspect > spam) {
            reader.problem("spam.threshold.suspect", reader.raw("spam.threshold.suspect"), "a number not above spam.threshold.spam (" + spam + ")");
        }
        return new SpamSettings(spam, suspect);
    }
}
