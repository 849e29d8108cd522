/**
 * Gambling-spam scoring: a Vietnamese-aware normalizer, versioned rule packs and named reasons.
 *
 * <p>Internal to SchoolGuard: host applications do not call this package, and its types may change
 * between releases. Other SchoolGuard packages use {@link vn.schoolguard.spam.SpamScorer},
 * {@link vn.schoolguard.spam.ScoringInput}, {@link vn.schoolguard.spam.SpamScore},
 * {@link vn.schoolguard.spam.Reason}, {@link vn.schoolguard.spam.Verdict},
 * {@link vn.schoolguard.spam.SpamSettings} and {@link vn.schoolguard.spam.SpamMemory}.
 */
package vn.schoolguard.spam;
