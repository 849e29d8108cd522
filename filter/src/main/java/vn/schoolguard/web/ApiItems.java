package vn.schoolguard.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.schoolguard.moderation.Decision;
import vn.schoolguard.moderation.Submission;
import vn.schoolguard.spam.Reason;

/** The JSON shapes of the REST API (see DESIGN.md); one place, so the console and the API agree. */
public final class ApiItems {

    private ApiItems() {
    }

    public static Map<String, Object> item(Submission s) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", s.id());
        item.put("status", s.status().key());
        item.put("route", s.route());
        item.put("clientIp", s.clientIp());
        item.put("clientPort", s.clientPort() >= 0 ? s.clientPort() : null);
        item.put("receivedAt", s.receivedAt().toString());
        item.put("fields", flatten(s.allFields()));
        item.put("score", s.score());
        item.put("reasons", s.reasons().stream().map(Reason::describe).toList());
        item.put("verdict", s.verdict().key());
        item.put("receipt", s.receipt());
        item.put("path", s.path());
        item.put("peerIp", s.peerIp());
        item.put("peerPort", s.peerPort());
        item.put("userAgent", s.userAgent());
        item.put("posterUser", s.posterUser());
        item.put("rawFields", flatten(s.allRawFields()));
        // Where each value comes from: an application that reads the query string gets these there.
        item.put("queryFields", flatten(s.queryFields()));
        item.put("rawQueryFields", flatten(s.rawQueryFields()));
        item.put("dropped", s.dropped());
        item.put("removed", s.removed());
        item.put("decidedAt", s.decidedAt() == null ? null : s.decidedAt().toString());
        item.put("decidedBy", s.decidedBy());
        item.put("decisionReason", s.decisionReason());
        item.put("replayStatus", s.replayStatus());
        item.put("replayError", s.replayError());
        return item;
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
