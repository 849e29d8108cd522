package vn.schoolguard.internal.moderation;

import java.util.Locale;
import java.util.Optional;

/** Where a submission stands in moderation. */
public enum Status {
    /** Held; nothing shown yet. */
    PENDING,
    /** Claimed by one approval whose replay to the application is under way. */
    REPLAYING,
    /** Replayed to the application, which stored it. */
    APPROVED,
    /** Refused by a moderator. */
    REJECTED,
    /** Filed as spam, by the scorer or a moderator. */
    SPAM;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Status> parse(String text) {
        for (Status status : values()) {
            if (status.key().equalsIgnoreCase(text.trim())) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
