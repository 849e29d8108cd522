/**
 * Gambling-spam scoring: a Vietnamese-aware normalizer, versioned rule packs and named reasons.
 *
 * <p>Internal to SchoolGuard: host applications do not call this package, and its types may change
 * between releases. Other SchoolGuard packages use {@link vn.schoolguard.internal.spam.SpamScorer},
 * {@link vn.schoolguard.internal.spam.ScoringInput}, {@link vn.schoolguard.internal.spam.SpamScore},
 * {@link vn.schoolguard.internal.spam.Reason}, {@link vn.schoolguard.internal.spam.Verdict},
 * {@link vn.schoolguard.internal.spam.SpamSettings} and {@link vn.schoolguard.internal.spam.SpamMemory}.
 */
package vn.schoolguard.internal.spam;
