package vn.schoolguard.internal.moderation;

import java.util.List;
import java.util.Map;

/**
 * A submission as read from the poster's request, within the limits and strictly decoded, before anything is
 * cleaned or scored: what {@link SubmissionCapture} holds for moderation.
 *
 * @param attempt       who posted where
 * @param canonicalPath the path as it is stored and replayed (see {@link SubmissionPath#canonical})
 * @param queryString   the query string as sent, or null
 * @param contentType   the Content-Type header as sent ("" when none)
 * @param headers       the request headers kept for replay and evidence (names in lower case)
 * @param bodyFields    the decoded body fields, each with its values in order
 * @param queryFields   the decoded query-string fields
 * @param contentHash   the SHA-256 of the body bytes, in hex
 * @param session       the poster's session attributes kept for replay
 */
public record RawSubmission(Attempt attempt, String canonicalPath, String queryString, String contentType,
                            Map<String, List<String>> headers, Map<String, List<String>> bodyFields,
                            Map<String, List<String>> queryFields, String contentHash, SessionValues session) {
}
