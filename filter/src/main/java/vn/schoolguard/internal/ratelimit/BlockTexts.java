package vn.schoolguard.internal.ratelimit;

import java.time.Duration;
import java.util.List;

/** The texts of block-list and rate-limit refusals and validation errors, built in one place; asserted in tests. */
public final class BlockTexts {

    /** Expiry choices offered in the console, and accepted as {@code expiresIn} by the API. */
    public static final List<String> EXPIRY_CHOICES = List.of("1h", "1d", "7d", "30d", "365d", "never");
    static final int MAX_REASON = 500;

    private BlockTexts() {
    }

    /** The caller's block request is invalid. */
    public static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String field;

        Invalid(String field, String value, String expected) {
            super(field + " '" + value + "' is not valid: expected " + expected);
            this.field = field;
        }

        /** The field at fault: {@code cidr}, {@code reason} or {@code expiresIn}. */
        public String field() {
            return field;
        }
    }

    static Invalid badCidr(String value) {
        return new Invalid("cidr", value == null ? "" : value,
                "an IPv4 or IPv6 address or CIDR block such as 203.0.113.7, 203.0.113.0/24 or 2001:db8::/48 (prefix at least /8 for IPv4, /32 for IPv6)");
    }

    /** A submission number that names no stored submission. */
    public static Invalid badSubmission(String value) {
        return new Invalid("submission", value == null ? "" : value, "the number of a stored submission");
    }

    static Invalid badReason(String value) {
        return new Invalid("reason", value == null ? "" : value, "a reason of 1 to " + MAX_REASON + " characters");
    }

    /** An expiry that is neither a duration nor "never". */
    public static Invalid badExpiry(String value) {
        return new Invalid("expiresIn", value == null ? "" : value,
                "a duration from 1m to 3650d such as 1h, 7d or 30d, or never");
    }

    /** Parses an expiry choice: a duration such as {@code 7d}, or {@code never}/empty for null. */
    public static Duration parseExpiry(String value) {
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("never")) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})\\s*(m|h|d)", java.util.regex.Pattern.CASE_INSENSITIVE)
                .matcher(value.trim());
        if (!m.matches()) {
            throw badExpiry(value);
        }
        long amount = Long.parseLong(m.group(1));
        Duration d = switch (Character.toLowerCase(m.group(2).charAt(0))) {
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        if (d.compareTo(Duration.ofMinutes(1)) < 0 || d.compareTo(Duration.ofDays(3650)) > 0) {
            throw badExpiry(value);
        }
        return d;
    }

    /** IP log detail of a refused submission from a blocked address. */
    static String blockedDetail(Block block) {
        return "blocked by #" + block.id() + " " + block.cidr() + ": " + block.reason();
    }

    /** IP log detail of a rate-limited submission. */
    static String limitedDetail(RateLimiter.Decision decision) {
        return "rate limit " + decision.level().key() + " " + Limit.format(decision.limits()) + "; retry after "
                + decision.retryAfterSeconds() + "s";
    }

    /** IP log detail when shared buckets cannot be reached. */
    static String unavailableDetail(String why) {
        return "rate limits unavailable (" + why + "); refused rather than let it through unchecked";
    }
}
