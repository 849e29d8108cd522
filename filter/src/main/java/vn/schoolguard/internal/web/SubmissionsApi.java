package vn.schoolguard.internal.web;

import vn.schoolguard.internal.db.SearchText;

import vn.schoolguard.internal.http.ServletReplays;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;

import vn.schoolguard.internal.moderation.Decision;
import vn.schoolguard.internal.moderation.Moderation;
import vn.schoolguard.internal.db.Page;
import vn.schoolguard.internal.moderation.Status;
import vn.schoolguard.internal.moderation.Submission;
import vn.schoolguard.internal.moderation.SubmissionQueries;
import vn.schoolguard.internal.moderation.SubmissionQuery;
import vn.schoolguard.internal.db.Json;
import vn.schoolguard.internal.web.ApiItems.DecisionJson;
import vn.schoolguard.internal.web.ApiItems.Item;

/**
 * The REST API's queue and decisions under {@code <console>/api}: {@code GET /submissions}, {@code GET /submissions/{id}},
 * {@code POST /submissions/{id}/approve|reject|spam}, {@code POST /submissions/bulk} and {@code GET /decisions}.
 * The route table has checked the caller's role and, for changes, the request's origin.
 */
final class SubmissionsApi {

    private static final int MAX_BULK = 500;
    private static final String BULK_EXAMPLE = "send a JSON object such as {\"action\":\"approve\",\"ids\":[1,2]}";

    /** A submission with the decisions taken on it. */
    record ItemWithHistory(@JsonUnwrapped Item item, List<DecisionJson> history) {
    }

    /** A submission after a decision, with what the decision did. */
    record Decided(@JsonUnwrapped Item item, String result, boolean changed, String message) {
    }

    /** One submission's part of a bulk decision; {@code item} is left out when there is no such submission. */
    record BulkResult(String result, String message, @JsonInclude(JsonInclude.Include.NON_NULL) Item item) {
    }

    record BulkAnswer(List<BulkResult> results) {
    }

    private final Moderation moderation;
    private final ServletReplays replays;
    private final SubmissionQueries queries;

    SubmissionsApi(Moderation moderation, SubmissionQueries queries, ServletReplays replays) {
        this.moderation = moderation;
        this.replays = replays;
        this.queries = queries;
    }

    void list(ConsoleContext ctx) throws IOException {
        HttpServletRequest request = ctx.request;
        HttpServletResponse response = ctx.response;
        Optional<Status> status = Optional.empty();
        String statusParam = request.getParameter("status");
        if (statusParam != null && !statusParam.isBlank()) {
            status = Status.parse(statusParam).filter(s -> s != Status.REPLAYING);
            if (status.isEmpty()) {
                Http.jsonError(response, 400, "status must be one of pending, approved, rejected, spam; got '" + statusParam + "'");
                return;
            }
        }
        int[] page = paging(request, response);
        if (page == null) {
            return;
        }
        Optional<Instant> from;
        Optional<Instant> to;
        try {
            from = instant(request.getParameter("from"));
            to = instant(request.getParameter("to"));
        } catch (DateTimeParseException e) {
            Http.jsonError(response, 400, "from and to must be ISO-8601 instants such as 2026-11-25T08:00:00Z");
            return;
        }
        for (String text : new String[] {"route", "q", "ip", "reason"}) {
            String problem = SearchText.problem(text, request.getParameter(text));
            if (problem != null) {
                Http.jsonError(response, 400, problem);
                return;
            }
        }
        if (status.filter(s -> s == Status.PENDING).isPresent()) {
            moderation.releaseStaleReplays();
        }
        SubmissionQuery query = new SubmissionQuery(status, blank(request.getParameter("route")), from, to,
                blank(request.getParameter("q")), blank(request.getParameter("ip")), blank(request.getParameter("reason")),
                page[0], page[1]);
        Page<Submission> result = queries.search(query);
        Http.json(response, 200, new ApiItems.Paged<>(result.items().stream().map(ApiItems::item).toList(),
                result.total(), page[0], page[1]));
    }

    void item(ConsoleContext ctx, String id) throws IOException {
        Optional<Submission> found = queries.find(Long.parseLong(id));
        if (found.isEmpty()) {
            Http.jsonError(ctx.response, 404, "there is no submission " + id);
        } else {
            Http.json(ctx.response, 200, new ItemWithHistory(ApiItems.item(found.get()),
                    queries.history(found.get().id()).stream().map(ApiItems::decision).toList()));
        }
    }

    void decisions(ConsoleContext ctx) throws IOException {
        int[] page = paging(ctx.request, ctx.response);
        if (page != null) {
            Page<Decision> decisions = queries.recentDecisions(page[0], page[1]);
            Http.json(ctx.response, 200, new ApiItems.Items<>(decisions.items().stream().map(ApiItems::decision).toList(),
                    decisions.total()));
        }
    }

    void decide(ConsoleContext ctx, long id, String action) throws IOException {
        String reason = reason(ctx.request);
        String actor = ctx.user().name();
        Moderation.Outcome outcome = switch (action) {
            case "approve" -> moderation.approve(id, actor, replays.via(ctx.request));
            case "reject" -> moderation.reject(id, actor, reason);
            default -> moderation.markSpam(id, actor, reason);
        };
        if (outcome.result() == Moderation.Result.NOT_FOUND) {
            Http.jsonError(ctx.response, 404, outcome.message());
            return;
        }
        int status = switch (outcome.result()) {
            case CONFLICT -> 409;
            case REPLAY_FAILED -> 502;
            default -> 200;
        };
        Http.json(ctx.response, status, new Decided(ApiItems.item(outcome.submission().orElseThrow()),
                key(outcome.result()), outcome.result() == Moderation.Result.CHANGED, outcome.message()));
    }

    void bulk(ConsoleContext ctx) throws IOException {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(ctx.request.getInputStream());
        } catch (IOException e) {
            Http.jsonError(ctx.response, 400, BULK_EXAMPLE);
            return;
        }
        if (body == null || !body.path("ids").isArray() || !body.path("action").asText("").matches("approve|reject|spam")) {
            Http.jsonError(ctx.response, 400, BULK_EXAMPLE + " with action approve, reject or spam");
            return;
        }
        List<Long> ids = new ArrayList<>();
        body.path("ids").forEach(n -> ids.add(n.asLong()));
        if (ids.size() > MAX_BULK) {
            Http.jsonError(ctx.response, 400, "at most 500 submissions at once");
            return;
        }
        List<BulkResult> results = new ArrayList<>();
        for (Moderation.Outcome outcome : moderation.bulk(ids, body.path("action").asText(), ctx.user().name(),
                body.path("reason").asText(null), replays.via(ctx.request))) {
            results.add(new BulkResult(key(outcome.result()), outcome.message(),
                    outcome.submission().map(ApiItems::item).orElse(null)));
        }
        Http.json(ctx.response, 200, new BulkAnswer(results));
    }

    private static String key(Moderation.Result result) {
        return result.name().toLowerCase(Locale.ROOT);
    }

    private static String reason(HttpServletRequest request) throws IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            try {
                JsonNode body = Json.MAPPER.readTree(request.getInputStream());
                return body == null ? null : body.path("reason").asText(null);
            } catch (IOException e) {
                return null;
            }
        }
        return request.getParameter("reason");
    }

    /** {@code [limit, offset]} from the request, or null after answering 400. */
    static int[] paging(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int limit = SubmissionQuery.DEFAULT_LIMIT;
        int offset = 0;
        try {
            if (request.getParameter("limit") != null) {
                limit = Integer.parseInt(request.getParameter("limit").trim());
            }
            if (request.getParameter("offset") != null) {
                offset = Integer.parseInt(request.getParameter("offset").trim());
            }
        } catch (NumberFormatException e) {
            Http.jsonError(response, 400, "limit and offset must be whole numbers");
            return null;
        }
        if (limit < 1 || offset < 0) {
            Http.jsonError(response, 400, "limit must be at least 1 and offset at least 0");
            return null;
        }
        return new int[] {Math.min(limit, SubmissionQuery.MAX_LIMIT), offset};
    }

    private static Optional<Instant> instant(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(Instant.parse(text.trim()));
    }

    private static Optional<String> blank(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(text.trim());
    }
}
