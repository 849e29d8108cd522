package vn.schoolguard.internal.moderation;

import java.util.Optional;

import vn.schoolguard.internal.config.EnumKeys;

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
        return EnumKeys.key(this);
    }

    public static Optional<Status> parse(String text) {
        return EnumKeys.parse(Status.class, text);
    }
}
