package vn.schoolguard.internal.moderation;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the application answered to one replayed submission, the same in both replay modes (a loopback HTTP
 * request or an internal forward), for the route's {@link SuccessRules} to decide whether the application
 * stored it.
 *
 * @param status   the HTTP status the application answered with (0 when it answered nothing, e.g. the
 *                 connection was refused or timed out)
 * @param location the {@code Location} header (a redirect's target) as the application sent it, or null
 * @param body     the first 64 KB of the response body, decoded with the charset of its {@code Content-Type}
 *                 (ISO-8859-1 when none is named); empty when there was none. A multi-byte character cut at
 *                 the 64 KB boundary may end in a replacement character
 * @param headers  the response headers, names in lower case, each with its values in the order sent
 */
public record ReplayAnswer(int status, String location, String body, Map<String, List<String>> headers) {

    /** The most body bytes kept. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    public ReplayAnswer {
        body = body == null ? "" : body;
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** The first value of a header (any case), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
