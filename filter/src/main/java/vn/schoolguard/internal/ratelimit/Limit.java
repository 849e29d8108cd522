package vn.schoolguard.internal.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One bandwidth of a rate limit: at most {@code tokens} submissions per {@code period}, refilled smoothly
 * (a {@code 5/1m} limit gives one submission back every 12 seconds).
 *
 * @param tokens how many submissions the period allows, at least 1
 * @param period the period, from one second to one day
 */
public record Limit(long tokens, Duration period) {

    private static final Pattern ONE = Pattern.compile("(\\d{1,9})\\s*/\\s*(\\d{0,6})\\s*(s|m|h|d)", Pattern.CASE_INSENSITIVE);

    /** The text form, e.g. {@code 5/1m}. */
    @Override
    public String toString() {
        long s = period.getSeconds();
        if (s % 86400 == 0) {
            return tokens + "/" + s / 86400 + "d";
        }
        if (s % 3600 == 0) {
            return tokens + "/" + s / 3600 + "h";
        }
        if (s % 60 == 0) {
            return tokens + "/" + s / 60 + "m";
        }
        return tokens + "/" + s + "s";
    }

    /**
     * Parses a comma-separated list such as {@code 5/1m, 20/1h} (the unit may stand alone: {@code 5/m});
     * {@code off} or {@code none} gives an empty list (no limit). Empty when the text is malformed.
     */
    static Optional<List<Limit>> parseList(String text) {
        String trimmed = text.trim();
        if (trimmed.equalsIgnoreCase("off") || trimmed.equalsIgnoreCase("none")) {
            return Optional.of(List.of());
        }
        List<Limit> limits = new ArrayList<>();
        for (String part : trimmed.split(",")) {
            Matcher m = ONE.matcher(part.trim());
            if (!m.matches()) {
                return Optional.empty();
            }
            long tokens = Long.parseLong(m.group(1));
            long amount = m.group(2).isEmpty() ? 1 : Long.parseLong(m.group(2));
            Duration period = switch (Character.toLowerCase(m.group(3).charAt(0))) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            if (tokens < 1 || period.compareTo(Duration.ofSeconds(1)) < 0 || period.compareTo(Duration.ofDays(1)) > 0) {
                return Optional.empty();
            }
            limits.add(new Limit(tokens, period));
        }
        return Optional.of(List.copyOf(limits));
    }

    /** The text form of a list, as {@link #parseList} reads it. */
    static String format(List<Limit> limits) {
        if (limits.isEmpty()) {
            return "off";
        }
        return String.join(", ", limits.stream().map(Limit::toString).toList());
    }
}
