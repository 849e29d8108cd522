package vn.schoolguard.moderation;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import vn.schoolguard.log.Log;

import vn.schoolguard.store.Json;

/**
 * Replays an approved submission to the application by an internal forward from inside the moderator's
 * request, so that the application stores it exactly as if the poster had just sent it.
 */
final class Replayer {

    private static final Log LOG = Log.get(Replayer.class);

    /** What the application did with a replayed submission. */
    record Outcome(boolean stored, int status, String error) {
    }

    /**
     * Replays a submission to its stored canonical path, rebuilt only from its approved values: the body from
     * the approved body fields, the query string from the approved query-string fields.
     */
    // Security-critical: the original query string and body are never replayed.
    Outcome replay(HttpServletRequest via, Submission submission, Route route) {
        try {
            String decoded = SubmissionPath.decodeStored(submission.path());
            if (route == null || !route.matches(submission.method(), decoded)) {
                return new Outcome(false, 0, "not replayed: " + submission.method() + " " + submission.path()
                        + " is not on the route " + submission.route()
                        + (route == null ? " (no longer configured)" : " (" + route.method() + " " + route.pattern() + ")"));
            }
        } catch (BadSubmission e) {
            return new Outcome(false, 0, "not replayed: " + e.getMessage());
        }
        RequestDispatcher dispatcher = via.getServletContext().getRequestDispatcher(submission.path());
        if (dispatcher == null) {
            return new Outcome(false, 0, "the application has no resource at " + submission.path());
        }
        boolean json = submission.contentType() != null && submission.contentType().toLowerCase(Locale.ROOT).contains("json");
        String contentType = json ? "application/json; charset=UTF-8" : "application/x-www-form-urlencoded; charset=UTF-8";
        byte[] body = (json ? Json.write(jsonBody(submission.fields())) : FormCodec.encode(submission.fields(), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> query = submission.queryFields();
        String queryString = query.isEmpty() ? null : FormCodec.encode(query, StandardCharsets.UTF_8);
        ReplayRequest request = new ReplayRequest(via, submission, body, contentType, queryString, query);
        CapturedResponse response = new CapturedResponse();
        try {
            dispatcher.forward(request, response);
        } catch (Exception | LinkageError e) {
            LOG.warn("Replay of submission {} to {} failed", submission.id(), submission.path(), e);
            return new Outcome(false, 0, "the application failed: " + e);
        }
        int status = response.status();
        if (status >= 200 && status < 400) {
            return new Outcome(true, status, null);
        }
        String why = response.errorMessage() != null ? response.errorMessage() : firstLine(response.bodyExcerpt());
        return new Outcome(false, status, "the application answered " + status + (why.isBlank() ? "" : ": " + why));
    }

    private static Map<String, Object> jsonBody(Map<String, List<String>> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        fields.forEach((name, values) -> body.put(name, values.size() == 1 ? values.get(0) : values));
        return body;
    }

    private static String firstLine(String text) {
        String plain = text.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        return plain.length() > 300 ? plain.substring(0, 300) + "…" : plain;
    }
}
