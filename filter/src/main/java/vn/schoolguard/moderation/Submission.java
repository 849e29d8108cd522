package vn.schoolguard.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import vn.schoolguard.spam.Reason;
import vn.schoolguard.spam.Verdict;

/**
 * One captured form submission, as stored.
 *
 * @param id             database id; 0 before it is stored
 * @param siteKey        the site it was posted to
 * @param receipt        the code the poster follows its status with
 * @param route          the route name
 * @param method         the original HTTP method
 * @param path           the original path within the web application
 * @param queryString    the original query string as posted, may be null; evidence only, never replayed
 * @param contentType    the original content type
 * @param headers        the original headers that replay needs (lower-case names)
 * @param fields         the body fields the application receives on replay (sanitized, approved), in posted order
 * @param rawFields      the body fields exactly as posted, for moderators and investigators
 * @param removed        what sanitizing removed, by field (query-string fields are named {@code ?name})
 * @param queryFields    the query-string fields the application receives on replay (sanitized, approved)
 * @param rawQueryFields the query-string fields exactly as posted
 * @param dropped        fields the route does not list and drops: never replayed (query-string ones as {@code ?name})
 * @param clientIp       the poster's address as resolved through trusted proxies
 * @param clientPort     the poster's source port, -1 when unknown (a proxy that does not pass it on)
 * @param peerIp         the socket peer's address
 * @param peerPort       the socket peer's port
 * @param forwardedChain forwarding headers as received, may be null
 * @param userAgent      the poster's user agent, may be null
 * @param posterUser     the logged-in user of the application, may be null
 * @param receivedAt     when it arrived
 * @param status         where it stands
 * @param verdict        the scorer's verdict
 * @param score          the scorer's score
 * @param reasons        the scorer's reasons
 * @param fingerprint    a fingerprint of the normalized text, for repeat detection
 * @param decidedAt      when a moderator last decided, may be null
 * @param decidedBy      who, may be null
 * @param decisionReason why (e.g. a rejection reason), may be null
 * @param replayStatus   the application's status code on the last replay, may be null
 * @param replayError    why the last replay failed, may be null
 * @param replayAttempts how many replays were tried
 * @param version        optimistic-lock counter
 */
public record Submission(long id, String siteKey, String receipt, String route, String method, String path,
                         String queryString, String contentType, Map<String, List<String>> headers,
                         Map<String, List<String>> fields, Map<String, List<String>> rawFields,
                         Map<String, List<String>> removed, Map<String, List<String>> queryFields,
                         Map<String, List<String>> rawQueryFields, List<String> dropped, String clientIp, int clientPort, String peerIp, int peerPort,
                         String forwardedChain, String userAgent, String posterUser, Instant receivedAt, Status status,
                         Verdict verdict, double score, List<Reason> reasons, String fingerprint, Instant decidedAt,
                         String decidedBy, String decisionReason, Integer replayStatus, String replayError,
                         int replayAttempts, int version) {

    public Submission {
        headers = Map.copyOf(headers);
        fields = FormFields.copy(fields);
        rawFields = FormFields.copy(rawFields);
        removed = FormFields.copy(removed);
        queryFields = FormFields.copy(queryFields);
        rawQueryFields = FormFields.copy(rawQueryFields);
        dropped = List.copyOf(dropped);
        reasons = List.copyOf(reasons);
    }

    /** The first value of a field as the application receives it, or an empty string. */
    public String field(String name) {
        List<String> values = allFields().get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    /**
     * Every field the application can read, query-string values first as {@code getParameterValues} lists
     * them: what moderators see, what is scored and what listeners get.
     */
    public Map<String, List<String>> allFields() {
        return FormFields.merge(queryFields, fields);
    }

    /** Every field exactly as posted, query-string values first. */
    public Map<String, List<String>> allRawFields() {
        return FormFields.merge(rawQueryFields, rawFields);
    }

    /** The same submission with an id (after it is stored). */
    public Submission withId(long newId) {
        return new Submission(newId, siteKey, receipt, route, method, path, queryString, contentType, headers, fields,
                rawFields, removed, queryFields, rawQueryFields, dropped, clientIp, clientPort, peerIp, peerPort, forwardedChain, userAgent, posterUser,
                receivedAt, status, verdict, score, reasons, fingerprint, decidedAt, decidedBy, decisionReason,
                replayStatus, replayError, replayAttempts, version);
    }
}
