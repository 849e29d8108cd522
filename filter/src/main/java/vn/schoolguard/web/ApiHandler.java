package vn.schoolguard.web;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;

import vn.schoolguard.http.ServletReplays;
import vn.schoolguard.moderation.Moderation;
import vn.schoolguard.moderation.Page;
import vn.schoolguard.moderation.Status;
import vn.schoolguard.moderation.Submission;
import vn.schoolguard.moderation.SubmissionQuery;
import vn.schoolguard.store.Json;

/**
 * The REST API under {@code <console>/api}: the moderation queue and decisions. Callers are already
 * authenticated; every endpoint checks the role it needs.
 */
final class ApiHandler {

    private static final Pattern ITEM = Pattern.compile("/submissions/(\\d{1,18})");
    private static final Pattern ACTION = Pattern.compile("/submissions/(\\d{1,18})/(approve|reject|spam)");

    private final Moderation moderation;
    private final ServletReplays replays;
    private final ConsoleAccess access;
    private final IpLogApi ipLog;
    private final RulesApi rules;
    private final BlockApi blocks;

    ApiHandler(Moderation moderation, ServletReplays replays, ConsoleAccess access, IpLogApi ipLog, BlockApi blocks,
               RulesApi rules) {
        this.rules = rules;
        this.moderation = moderation;
        this.replays = replays;
        this.access = access;
        this.ipLog = ipLog;
        this.blocks = blocks;
    }

    void handle(HttpServletRequest request, HttpServletResponse response, String path, ConsoleAccess.Caller caller,
                String clientIp) throws IOException {
        if (path.equals("/rules") || path.startsWith("/rules/")) {
            rules.handle(request, response, path, caller);
            return;
        }
        if (path.equals("/iplog") || path.startsWith("/iplog/")) {
            ipLog.handle(request, response, path, caller, clientIp);
            return;
        }
        if (path.equals("/blocks") || path.startsWith("/blocks/")) {
            blocks.handle(request, response, path, caller);
            return;
        }
        String method = request.getMethod();
        Matcher action = ACTION.matcher(path);
        Matcher item = ITEM.matcher(path);
        if (path.equals("/submissions") && method.equals("GET")) {
            if (requireRole(response, caller, "moderator", "investigator")) {
                list(request, response);
            }
        } else if (item.matches() && method.equals("GET")) {
            if (requireRole(response, caller, "moderator", "investigator")) {
                Optional<Submission> found = moderation.store().find(moderation.siteKey(), Long.parseLong(item.group(1)));
                if (found.isEmpty()) {
                    Http.jsonError(response, 404, "there is no submission " + item.group(1));
                } else {
                    Map<String, Object> body = ApiItems.item(found.get());
                    body.put("history", moderation.store().history(moderation.siteKey(), found.get().id())
                            .stream().map(ApiItems::decision).toList());
                    Http.json(response, 200, body);
                }
            }
        } else if (action.matches() && method.equals("POST")) {
            if (requireRole(response, caller, "moderator") && requireSameSite(request, response, caller)) {
                decide(request, response, Long.parseLong(action.group(1)), action.group(2), caller);
            }
        } else if (path.equals("/submissions/bulk") && method.equals("POST")) {
            if (requireRole(response, caller, "moderator") && requireSameSite(request, response, caller)) {
                bulk(request, response, caller);
            }
        } else if (path.equals("/decisions") && method.equals("GET")) {
            if (requireRole(response, caller, "moderator", "investigator")) {
                int[] page = paging(request, response);
                if (page != null) {
                    Page<?> decisions = moderation.store().recentDecisions(moderation.siteKey(), page[0], page[1]);
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("items", decisions.items().stream().map(d -> ApiItems.decision((vn.schoolguard.moderation.Decision) d)).toList());
                    body.put("total", decisions.total());
                    Http.json(response, 200, body);
                }
            }
        } else if (ITEM.matcher(path).matches() || ACTION.matcher(path).matches() || path.equals("/submissions")
                || path.equals("/submissions/bulk") || path.equals("/decisions")) {
            response.setHeader("Allow", path.equals("/submissions/bulk") || ACTION.matcher(path).matches() ? "POST" : "GET");
            Http.jsonError(response, 405, method + " is not allowed here");
        } else {
            Http.jsonError(response, 404, "no such API endpoint: " + path);
        }
    }

    private void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
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
        if (status.filter(s -> s == Status.PENDING).isPresent()) {
            moderation.releaseStaleReplays();
        }
        SubmissionQuery query = new SubmissionQuery(status, blank(request.getParameter("route")), from, to,
                blank(request.getParameter("q")), blank(request.getParameter("ip")), blank(request.getParameter("reason")),
                page[0], page[1]);
        Page<Submission> result = moderation.store().search(moderation.siteKey(), query);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", result.items().stream().map(ApiItems::item).toList());
        body.put("total", result.total());
        body.put("limit", page[0]);
        body.put("offset", page[1]);
        Http.json(response, 200, body);
    }

    private void decide(HttpServletRequest request, HttpServletResponse response, long id, String action,
                        ConsoleAccess.Caller caller) throws IOException {
        String reason = reason(request);
        Moderation.Outcome outcome = switch (action) {
            case "approve" -> moderation.approve(id, caller.user().name(), replays.via(request));
            case "reject" -> moderation.reject(id, caller.user().name(), reason);
            default -> moderation.markSpam(id, caller.user().name(), reason);
        };
        answer(response, outcome);
    }

    private void bulk(HttpServletRequest request, HttpServletResponse response, ConsoleAccess.Caller caller) throws IOException {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(request.getInputStream());
        } catch (IOException e) {
            Http.jsonError(response, 400, "send a JSON object such as {\"action\":\"approve\",\"ids\":[1,2]}");
            return;
        }
        if (body == null || !body.path("ids").isArray() || !body.path("action").asText("").matches("approve|reject|spam")) {
            Http.jsonError(response, 400, "send a JSON object such as {\"action\":\"approve\",\"ids\":[1,2]} with action approve, reject or spam");
            return;
        }
        List<Long> ids = new ArrayList<>();
        body.path("ids").forEach(n -> ids.add(n.asLong()));
        if (ids.size() > 500) {
            Http.jsonError(response, 400, "at most 500 submissions at once");
            return;
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (Moderation.Outcome outcome : moderation.bulk(ids, body.path("action").asText(), caller.user().name(),
                body.path("reason").asText(null), replays.via(request))) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("result", outcome.result().name().toLowerCase(java.util.Locale.ROOT));
            result.put("message", outcome.message());
            outcome.submission().ifPresent(s -> result.put("item", ApiItems.item(s)));
            results.add(result);
        }
        Http.json(response, 200, Map.of("results", results));
    }

    private static void answer(HttpServletResponse response, Moderation.Outcome outcome) throws IOException {
        if (outcome.result() == Moderation.Result.NOT_FOUND) {
            Http.jsonError(response, 404, outcome.message());
            return;
        }
        Map<String, Object> body = ApiItems.item(outcome.submission().orElseThrow());
        body.put("result", outcome.result().name().toLowerCase(java.util.Locale.ROOT));
        body.put("changed", outcome.result() == Moderation.Result.CHANGED);
        body.put("message", outcome.message());
        int status = switch (outcome.result()) {
            case CONFLICT -> 409;
            case REPLAY_FAILED -> 502;
            default -> 200;
        };
        Http.json(response, status, body);
    }

    private static String reason(HttpServletRequest request) throws IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            try {
                JsonNode body = Json.MAPPER.readTree(request.getInputStream());
                return body == null ? null : body.path("reason").asText(null);
            } catch (IOException e) {
                return null;
            }
        }
        return request.getParameter("reason");
    }

    private boolean requireSameSite(HttpServletRequest request, HttpServletResponse response, ConsoleAccess.Caller caller)
            throws IOException {
        if (access.mayChangeState(request, caller)) {
            return true;
        }
        Http.jsonError(response, 403, "missing or wrong CSRF token, or a cross-site request");
        return false;
    }

    static boolean requireRole(HttpServletResponse response, ConsoleAccess.Caller caller, String... roles) throws IOException {
        for (String role : roles) {
            if (caller.user().has(role)) {
                return true;
            }
        }
        Http.jsonError(response, 403, "this needs the role " + String.join(" or ", roles));
        return false;
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
