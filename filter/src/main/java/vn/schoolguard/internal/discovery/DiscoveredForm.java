package vn.schoolguard.internal.discovery;

import java.time.Instant;
import java.util.List;

/**
 * A form the application took at a path no route guards: its method, its path pattern (numbers and ids
 * folded to {@code *}), the names of the fields seen there (never their values) and how often.
 *
 * @param method     upper-case HTTP method
 * @param pattern    the path pattern within the web application, e.g. {@code /internal/*}{@code /comment}
 * @param fields     every field name seen, sorted
 * @param textFields the names that looked like user text (by name or by value), sorted
 * @param hits       how many such requests were seen
 * @param firstSeen  when first seen
 * @param lastSeen   when last seen
 * @param lastStatus the application's last answer status
 */
public record DiscoveredForm(String method, String pattern, List<String> fields, List<String> textFields, long hits,
                             Instant firstSeen, Instant lastSeen, int lastStatus) {

    public DiscoveredForm {
        fields = List.copyOf(fields);
        textFields = List.copyOf(textFields);
    }

    /** The key of the form: method and pattern. */
    public String key() {
        return method + " " + pattern;
    }
}
