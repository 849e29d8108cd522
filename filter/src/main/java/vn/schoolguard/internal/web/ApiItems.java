package vn.schoolguard.internal.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import vn.schoolguard.internal.moderation.Decision;
import vn.schoolguard.internal.moderation.Publication;
import vn.schoolguard.internal.moderation.Submission;
import vn.schoolguard.internal.spam.Reason;

/**
 * The JSON shapes of the REST API (see DESIGN.md) as records, serialized in component order with nulls kept;
 * one place, so the console and the API agree. Unwrapped parts write their fields inline.
 */
public final class ApiItems {

    private ApiItems() {
    }

    /** A submission: the summary DESIGN.md names first, then where it came from, its content and its outcome. */
    public record Item(@JsonUnwrapped Summary summary, @JsonUnwrapped Origin origin, @JsonUnwrapped Content content,
                       @JsonUnwrapped Outcome outcome) {
    }

    /** The fields of DESIGN.md's queue item. */
    public record Summary(long id, String status, String route, String clientIp, Integer clientPort, String receivedAt,
                          Map<String, Object> fields, double score, List<String> reasons, String verdict, String receipt) {
    }

    public record Origin(String path, String peerIp, int peerPort, String userAgent, String posterUser) {
    }

    /** Where each value comes from: an application that reads the query string gets those fields there. */
    public record Content(Map<String, Object> rawFields, Map<String, Object> queryFields,
                          Map<String, Object> rawQueryFields, List<String> dropped, Map<String, List<String>> removed) {
    }

    public record Outcome(String decidedAt, String decidedBy, String decisionReason, Integer replayStatus,
                          String replayError, PublicationJson publication) {
    }

    /**
     * {@code {"state":"seen|sent|failed","seenPath","seenAt","sentAt"}}, or null for a submission never approved
     * nor tried: only "seen" means a page of the site showed it.
     */
    public record PublicationJson(String state, String seenPath, String seenAt, String sentAt) {
    }

    public record DecisionJson(long id, long submissionId, String action, String actor, String at, String from, String to,
                               String reason, String detail) {
    }

    /** A list with its total, as most list endpoints answer. */
    public record Items<T>(List<T> items, long total) {
    }

    /** A page of a list with its total and the paging it was asked with. */
    public record Paged<T>(List<T> items, long total, int limit, int offset) {
    }

    /** A JSON error: {@code {"status":N,"error":"..."}}. */
    public record ErrorJson(int status, String error) {
    }

    /** A JSON error about one field of the request. */
    public record FieldErrorJson(int status, String error, String field) {
    }

    public static Item item(Submission s) {
        Summary summary = new Summary(s.id(), s.review().status().key(), s.posted().route(), s.poster().clientIp(),
                s.poster().clientPort() >= 0 ? s.poster().clientPort() : null, s.receivedAt().toString(), flatten(s.allFields()), s.scoring().score(),
                s.scoring().reasons().stream().map(Reason::describe).toList(), s.scoring().verdict().key(), s.receipt());
        Origin origin = new Origin(s.posted().path(), s.poster().peerIp(), s.poster().peerPort(), s.poster().userAgent(), s.poster().posterUser());
        Content content = new Content(flatten(s.allRawFields()), flatten(s.posted().queryFields()), flatten(s.posted().rawQueryFields()),
                s.posted().dropped(), s.posted().removed());
        Outcome outcome = new Outcome(text(s.review().decidedAt()), s.review().decidedBy(), s.review().decisionReason(), s.review().replayStatus(),
                s.review().replayError(), publication(s));
        return new Item(summary, origin, content, outcome);
    }

    static PublicationJson publication(Submission s) {
        Publication.State state = s.publicationState();
        if (state == null) {
            return null;
        }
        return new PublicationJson(state.key(), s.review().publication().seenPath(), text(s.review().publication().seenAt()),
                text(s.review().publication().sentAt()));
    }

    public static DecisionJson decision(Decision d) {
        return new DecisionJson(d.id(), d.submissionId(), d.action(), d.actor(), d.actedAt().toString(),
                d.fromStatus().key(), d.toStatus().key(), d.reason(), d.detail());
    }

    /** Single-valued fields as strings, repeated ones as arrays. */
    static Map<String, Object> flatten(Map<String, List<String>> fields) {
        Map<String, Object> flat = new LinkedHashMap<>();
        fields.forEach((name, values) -> flat.put(name, values.size() == 1 ? values.get(0) : values));
        return flat;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
