package vn.schoolguard.internal.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.schoolguard.internal.moderation.FieldRole;
import vn.schoolguard.internal.moderation.Route;
import vn.schoolguard.internal.moderation.Status;
import vn.schoolguard.internal.moderation.Submission;
import vn.schoolguard.internal.moderation.SubmissionQueries;
import vn.schoolguard.internal.sanitize.HtmlPolicies;

/** A submission's detail page: the request as received, the preview, the edit form and the decisions taken. */
final class ConsoleItemPage {

    static final String EDIT_PREFIX = "f.";
    static final String QUERY_EDIT_PREFIX = "q.";
    /** How the console marks a query-string field, as in the submission's removed and dropped lists. */
    private static final String QUERY_MARK = "?";

    private final ConsoleRows rows;
    private final SubmissionQueries queries;

    ConsoleItemPage(ConsoleRows rows, SubmissionQueries queries) {
        this.rows = rows;
        this.queries = queries;
    }

    void item(ConsoleContext ctx, long id) throws IOException {
        Optional<Submission> found = queries.find(id);
        if (found.isEmpty()) {
            ctx.error(404, "console.error.no-item");
            return;
        }
        Submission s = found.get();
        boolean canDecide = ctx.has("moderator");
        Map<String, Object> model = ctx.model(ctx.text("console.item.title", String.valueOf(id)), "queue");
        model.putAll(rows.row(ctx, s, canDecide));
        model.put("heading", ctx.text("console.item.title", String.valueOf(id)));
        model.put("returnPath", "/items/" + id);
        model.put("backUrl", ctx.base + "/queue?status=" + (s.review().status() == Status.REPLAYING ? "pending" : s.review().status().key()));
        model.put("receipt", s.receipt());
        model.put("canBlock", canDecide);
        model.put("blockIp", s.poster().clientIp());
        model.put("blockReason", ctx.text("console.blocks.from-item", String.valueOf(id)));
        String blocked = ctx.request.getParameter("blocked");
        model.put("blockedNotice", blocked != null && blocked.matches("[0-9]{1,18}") ? ctx.text("console.blocks.added", blocked) : null);
        request(model, s);
        model.put("reasonList", s.scoring().reasons().stream().map(r -> Map.<String, Object>of("rule", r.rule(), "detail", r.detail(),
                "weight", ConsoleFormat.score(r.weight()))).toList());
        model.put("hasReasons", !s.scoring().reasons().isEmpty());
        content(model, s, rows.route(s));
        decided(ctx, model, s);
        List<Map<String, Object>> editable = new ArrayList<>();
        editable(editable, s.posted().queryFields(), rows.route(s), QUERY_EDIT_PREFIX, QUERY_MARK);
        editable(editable, s.posted().fields(), rows.route(s), EDIT_PREFIX, "");
        model.put("editable", editable);
        model.put("canEdit", canDecide && ConsoleRows.APPROVABLE.contains(s.review().status()) && !editable.isEmpty());
        model.put("history", queries.history(id).stream().map(d -> ConsoleRows.decision(ctx, d, false)).toList());
        ctx.render(200, "item", model);
    }

    /** How the submission reached the site. */
    private static void request(Map<String, Object> model, Submission s) {
        model.put("request", s.posted().method() + " " + s.posted().path() + (s.posted().queryString() == null ? "" : "?" + s.posted().queryString()));
        model.put("contentType", s.posted().contentType());
        model.put("peer", ConsoleFormat.address(s.poster().peerIp(), s.poster().peerPort()));
        model.put("forwarded", s.poster().forwardedChain());
        model.put("userAgent", s.poster().userAgent());
        model.put("posterUser", s.poster().posterUser());
        model.put("timeSeconds", ConsoleFormat.timeSeconds(s.receivedAt()));
    }

    /** What the poster sent, what the application will show and what was taken out. */
    private void content(Map<String, Object> model, Submission s, Route route) {
        model.put("preview", preview(s, route));
        model.put("raw", raw(s.posted().rawQueryFields(), QUERY_MARK) + raw(s.posted().rawFields(), ""));
        model.put("dropped", s.posted().dropped().isEmpty() ? null : String.join(", ", s.posted().dropped()));
        // Names only: the values can be a challenge's answer or a form secret.
        List<String> sessionNames = queries.sessionValueNames(s.id());
        model.put("sessionNames", sessionNames.isEmpty() ? null : String.join(", ", sessionNames));
        List<Map<String, Object>> removed = new ArrayList<>();
        s.posted().removed().forEach((field, what) -> {
            if (!what.isEmpty()) {
                removed.add(Map.of("field", field, "what", String.join(", ", what)));
            }
        });
        model.put("removed", removed);
        model.put("headers", raw(s.posted().headers(), ""));
    }

    /** The decision taken and how its replay went. */
    private void decided(ConsoleContext ctx, Map<String, Object> model, Submission s) {
        model.put("decided", s.review().decidedBy() != null);
        model.put("decidedBy", s.review().decidedBy());
        model.put("decidedAt", ConsoleFormat.time(s.review().decidedAt()));
        model.put("decisionReason", s.review().decisionReason());
        model.put("replayStatus", s.review().replayStatus() == null ? "" : String.valueOf(s.review().replayStatus()));
        model.put("replayErrorText", s.review().replayError());
        model.put("publication", s.publicationState() == null ? null : s.publicationState().key());
        model.put("publicationLabel", rows.publicationLabel(ctx, s));
        model.put("replayAttempts", String.valueOf(s.review().replayAttempts()));
    }

    /** Edit boxes for one part of a submission (query string or body), named by {@code prefix}. */
    private static void editable(List<Map<String, Object>> editable, Map<String, List<String>> fields, Route route,
                                 String prefix, String mark) {
        fields.forEach((name, values) -> {
            FieldRole role = route == null ? FieldRole.TEXT : route.roleOf(name);
            if (role != FieldRole.IGNORE) {
                editable.add(Map.of("name", prefix + name, "label", mark + name, "value", String.join("\n", values),
                        "html", role == FieldRole.HTML, "multiline", role == FieldRole.HTML || role == FieldRole.TEXT,
                        "fieldId", "edit-" + prefix.charAt(0) + "-" + name.replaceAll("[^A-Za-z0-9_-]", "_")));
            }
        });
    }

    /**
     * What the application will show. HTML fields were sanitized on capture and on edit; they are
     * sanitized once more here so that the console never relies on what the database holds.
     */
    // Security-critical: the only place the console writes markup that came from a poster.
    private static List<Map<String, Object>> preview(Submission s, Route route) {
        List<Map<String, Object>> preview = new ArrayList<>();
        preview(preview, s.posted().queryFields(), route, QUERY_MARK);
        preview(preview, s.posted().fields(), route, "");
        return preview;
    }

    // Security-critical: the only place the console writes markup that came from a poster.
    private static void preview(List<Map<String, Object>> preview, Map<String, List<String>> fields, Route route, String mark) {
        fields.forEach((name, values) -> {
            FieldRole role = route == null ? FieldRole.TEXT : route.roleOf(name);
            if (role == FieldRole.IGNORE) {
                return;
            }
            for (String value : values) {
                boolean html = role == FieldRole.HTML;
                preview.add(Map.of("name", mark + name, "html", html,
                        "value", html ? HtmlPolicies.sanitize(route.htmlPolicy(), value).html() : value));
            }
        });
    }

    private static String raw(Map<String, List<String>> fields, String mark) {
        StringBuilder text = new StringBuilder();
        fields.forEach((name, values) -> {
            for (String value : values) {
                text.append(mark).append(name).append(": ").append(value).append('\n');
            }
        });
        return text.toString();
    }
}
