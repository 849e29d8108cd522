package vn.schoolguard.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.schoolguard.internal.moderation.Submission;
import vn.schoolguard.internal.db.Json;

/**
 * The request a replay sends, built only from a submission's approved values, the same for both replay
 * modes: the body from the approved body fields (a form in UTF-8, or JSON when the poster sent JSON), the
 * query string from the approved query-string fields.
 *
 * @param body            the body bytes
 * @param contentType     the body's content type
 * @param queryString     the re-encoded query string, or null when there are no query-string fields
 * @param queryParameters the approved query-string fields
 */
// Security-critical: the original query string and body are never replayed.
record ReplayBody(byte[] body, String contentType, String queryString, Map<String, List<String>> queryParameters) {

    static ReplayBody of(Submission submission) {
        boolean json = submission.posted().contentType() != null && submission.posted().contentType().toLowerCase(Locale.ROOT).contains("json");
        String contentType = json ? "application/json; charset=UTF-8" : "application/x-www-form-urlencoded; charset=UTF-8";
        byte[] body = (json ? Json.write(jsonBody(submission.posted().fields())) : FormCodec.encode(submission.posted().fields(), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> query = submission.posted().queryFields();
        String queryString = query.isEmpty() ? null : FormCodec.encode(query, StandardCharsets.UTF_8);
        return new ReplayBody(body, contentType, queryString, query);
    }

    private static Map<String, Object> jsonBody(Map<String, List<String>> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        fields.forEach((name, values) -> body.put(name, values.size() == 1 ? values.get(0) : values));
        return body;
    }
}
