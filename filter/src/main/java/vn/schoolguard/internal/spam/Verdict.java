package vn.schoolguard.internal.spam;

import java.util.Locale;

/** What the scorer concluded about a submission. */
public enum Verdict {
    /** Nothing found; still held when moderation is on. */
    CLEAN,
    /** Held and flagged for the moderator. */
    SUSPECT,
    /** Filed as spam without a moderator's time. */
    SPAM;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
