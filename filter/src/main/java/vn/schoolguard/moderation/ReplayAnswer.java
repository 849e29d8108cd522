package vn.schoolguard.moderation;

import java.util.List;
import java.util.Map;

/**
 * What the application answered to a replayed submission.
 *
 * @param status   the HTTP status
 * @param location the Location header, or null
 * @param body     the first 64 KB of the response body as text
 * @param headers  the response headers, lower-case names
 */
record ReplayAnswer(int status, String location, String body, Map<String, List<String>> headers) {
}
