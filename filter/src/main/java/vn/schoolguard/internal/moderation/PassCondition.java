package vn.schoolguard.internal.moderation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * When a request on a submission route goes to the application unheld ({@code route.<name>.pass-if}): a
 * field that is present and not empty ({@code preview}), or a field whose value is one of a few words
 * ({@code action=preview|cancel}). Such requests are still written to the IP log, as bypassed.
 *
 * <p>The condition is judged on the decoded fields of both the query string and the body, and every value
 * of the field, wherever it was sent, must satisfy it: an application may read either part (a container's
 * {@code getParameter} gives the query string's value first, a JSON reader only the body), so a request whose
 * parts disagree ({@code ?action=preview} with {@code action=save} in the body) is held.
 *
 * @param field  the field's exact, decoded name; empty for {@link #NONE}
 * @param values the accepted values, compared exactly; empty when any non-empty value passes
 */
public record PassCondition(String field, Set<String> values) {

    /** No condition: every request on the route is held. */
    public static final PassCondition NONE = new PassCondition("", Set.of());

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\[\\]:-]{1,100}");
    private static final Pattern VALUE = Pattern.compile("[^|\\s]{1,100}");

    public PassCondition {
        values = Set.copyOf(values);
    }

    /** Whether there is a condition at all. */
    public boolean isSet() {
        return !field.isEmpty();
    }

    /**
     * Parses {@code preview} or {@code action=preview|cancel}; empty when the text has not that shape.
     */
    static Optional<PassCondition> parse(String text) {
        String trimmed = text.trim();
        int eq = trimmed.indexOf('=');
        String name = eq < 0 ? trimmed : trimmed.substring(0, eq).trim();
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        if (eq < 0) {
            return Optional.of(new PassCondition(name, Set.of()));
        }
        Set<String> accepted = new java.util.LinkedHashSet<>();
        for (String value : trimmed.substring(eq + 1).split("\\|", -1)) {
            if (!VALUE.matcher(value.trim()).matches()) {
                return Optional.empty();
            }
            accepted.add(value.trim());
        }
        return Optional.of(new PassCondition(name, accepted));
    }

    /**
     * Whether a request with these decoded fields passes: the field is sent at least once, and every one of
     * its values (query string and body alike) is non-empty and, when values are listed, one of them exactly.
     */
    // Security-critical: a request that passes reaches the application without a moderator.
    public boolean test(Map<String, List<String>> query, Map<String, List<String>> body) {
        if (!isSet()) {
            return false;
        }
        List<String> sent = new java.util.ArrayList<>(query.getOrDefault(field, List.of()));
        sent.addAll(body.getOrDefault(field, List.of()));
        if (sent.isEmpty()) {
            return false;
        }
        for (String value : sent) {
            if (value.isEmpty() || (!values.isEmpty() && !values.contains(value))) {
                return false;
            }
        }
        return true;
    }

    /** The condition as configured, for the IP log and the console. */
    @Override
    public String toString() {
        return values.isEmpty() ? field : field + "=" + String.join("|", values.stream().sorted().toList());
    }
}
