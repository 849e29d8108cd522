package vn.schoolguard.internal.iplog;

import java.util.Locale;
import java.util.Optional;

/** What became of a submission attempt. */
public enum Outcome {
    /** Stored and held for a moderator. */
    HELD,
    /** Stored and filed as spam by the scorer. */
    SPAM,
    /** Passed straight to the application: a trusted poster, or a route's pass-through condition ({@code route.<name>.pass-if}). */
    BYPASSED,
    /** Refused as malformed or too large. */
    REFUSED,
    /** Refused by a rate limit. */
    RATE_LIMITED,
    /** Refused because the address is blocked. */
    BLOCKED;

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Outcome> parse(String text) {
        for (Outcome outcome : values()) {
            if (outcome.key().equalsIgnoreCase(text.trim())) {
                return Optional.of(outcome);
            }
        }
        return Optional.empty();
    }
}
