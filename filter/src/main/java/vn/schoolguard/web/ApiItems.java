package vn.schoolguard.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.schoolguard.moderation.Decision;
import vn.schoolguard.moderation.Publication;
import vn.schoolguard.moderation.Submission;
import vn.schoolguard.spam.Reason;

/** The JSON shapes of the REST API (see DESIGN.md); one place, so the console and the API agree. */
public final class ApiItems {

    private ApiItems() {
    }

    public static Map<String, Object> item(Submission s) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", s.id());
        item.put("status", s.review().status().key());
        item.put("route", s.posted().route());
        item.put("clientIp", s.poster().clientIp());
        item.put("clientPort", s.poster().clientPort() >= 0 ? s.poster().clientPort() : null);
        item.put("receivedAt", s.receivedAt().toString());
        item.put("fields", flatten(s.allFields()));
        item.put("score", s.scoring().score());
        item.put("reasons", s.scoring().reasons().stream().map(Reason::describe).toList());
        item.put("verdict", s.scoring().verdict().key());
        item.put("receipt", s.receipt());
        item.put("path", s.posted().path());
        item.put("peerIp", s.poster().peerIp());
        item.put("peerPort", s.poster().peerPort());
        item.put("userAgent", s.poster().userAgent());
        item.put("posterUser", s.poster().posterUser());
        item.put("rawFields", flatten(s.allRawFields()));
        // Where each value comes from: an application that reads the query string gets these there.
        item.put("queryFields", flatten(s.posted().queryFields()));
        item.put("rawQueryFields", flatten(s.posted().rawQueryFields()));
        item.put("dropped", s.posted().dropped());
        item.put("removed", s.posted().removed());
        item.put("decidedAt", s.review().decidedAt() == null ? null : s.review().decidedAt().toString());
        item.put("decidedBy", s.review().decidedBy());
        item.put("decisionReason", s.review().decisionReason());
        item.put("replayStatus", s.review().replayStatus());
        item.put("replayError", s.review().replayError());
        item.put("publication", publication(s));
        return item;
    }

    /**
     * {@code {"state":"seen|sent|failed","seenPath","seenAt","sentAt"}}, or null for a submission never approved
     * nor tried: only "seen" means a page of the site showed it.
     */
    static Map<String, Object> publication(Submission s) {
        Publication.State state = s.publicationState();
        if (state == null) {
            return null;
        }
        Map<String, Object> publication = new LinkedHashMap<>();
        publication.put("state", state.key());
        publication.put("seenPath", s.review().publication().seenPath());
        publication.put("seenAt", s.review().publication().seenAt() == null ? null : s.review().publication().seenAt().toString());
        publication.put("sentAt", s.review().publication().sentAt() == null ? null : s.review().publication().sentAt().toString());
        return publication;
    }

    public static Map<String, Object> decision(Decision d) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", d.id());
        item.put("submissionId", d.submissionId());
        item.put("action", d.action());
        item.put("actor", d.actor());
        item.put("at", d.actedAt().toString());
        item.put("from", d.fromStatus().key());
        item.put("to", d.toStatus().key());
        item.put("reason", d.reason());
        item.put("detail", d.detail());
        return item;
    }

    /** Single-valued fields as strings, repeated ones as arrays. */
    static Map<String, Object> flatten(Map<String, List<String>> fields) {
        Map<String, Object> flat = new LinkedHashMap<>();
        fields.forEach((name, values) -> flat.put(name, values.size() == 1 ? values.get(0) : values));
        return flat;
    }
}
