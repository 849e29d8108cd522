package vn.schoolguard.api;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An approved submission as handed to an {@link ApprovalListener}.
 *
 * @param id         SchoolGuard's id of the submission
 * @param receipt    the poster's receipt code
 * @param route      the route name from the configuration
 * @param path       the path it was posted to, within the web application
 * @param fields     the fields as approved (sanitized, possibly edited by the moderator), query-string ones first
 * @param clientIp   the poster's address
 * @param clientPort the poster's source port, -1 when unknown
 * @param posterUser the application user who posted it, or null
 * @param receivedAt when it was posted
 * @param approvedBy the moderator who approved it
 */
public record ApprovedSubmission(long id, String receipt, String route, String path, Map<String, List<String>> fields,
                                 String clientIp, int clientPort, String posterUser, Instant receivedAt, String approvedBy) {

    public ApprovedSubmission {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        fields.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        fields = Collections.unmodifiableMap(copy);
    }

    /** The first value of a field, or an empty string. */
    public String field(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }
}
