package vn.schoolguard.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.schoolguard.http.ServletReplays;
import vn.schoolguard.moderation.Decision;
import vn.schoolguard.moderation.FieldRole;
import vn.schoolguard.inject.DecorationWarning;
import vn.schoolguard.inject.DecorationWarnings;
import vn.schoolguard.moderation.Moderation;
import vn.schoolguard.moderation.ModerationSettings;
import vn.schoolguard.moderation.Page;
import vn.schoolguard.moderation.Publication;
import vn.schoolguard.moderation.Route;
import vn.schoolguard.moderation.Status;
import vn.schoolguard.moderation.Submission;
import vn.schoolguard.moderation.SubmissionQuery;
import vn.schoolguard.sanitize.HtmlPolicies;
import vn.schoolguard.spam.Reason;

/** The queue, a submission's detail page, decisions on one or many submissions, and the decision history. */
final class ConsoleQueuePages {

    private static final Pattern ITEM = Pattern.compile("/items/([0-9]{1,18})");
    private static final Pattern ACTION = Pattern.compile("/items/([0-9]{1,18})/(approve|reject|spam|edit)");
    private static final List<Status> TABS = List.of(Status.PENDING, Status.APPROVED, Status.REJECTED, Status.SPAM);
    private static final Set<Status> APPROVABLE = EnumSet.of(Status.PENDING, Status.REJECTED, Status.SPAM);
    private static final Set<Status> REJECTABLE = EnumSet.of(Status.PENDING, Status.SPAM);
    private static final Set<Status> SPAMMABLE = EnumSet.of(Status.PENDING, Status.REJECTED);
    private static final int DEFAULT_SIZE = 25;
    private static final int MAX_SIZE = 100;
    private static final int HISTORY_SIZE = 50;
    private static final int MAX_BULK = 500;
    private static final int MAX_REASON = 500;
    private static final String EDIT_PREFIX = "f.";
    private static final String QUERY_EDIT_PREFIX = "q.";
    /** How the console marks a query-string field, as in the submission's removed and dropped lists. */
    private static final String QUERY_MARK = "?";

    private final Map<String, Route> routes = new LinkedHashMap<>();
    private final Moderation moderation;
    private final ServletReplays replays;
    private final ConsoleAccess access;
    private final DecorationWarnings decorationWarnings;

    ConsoleQueuePages(ModerationSettings settings, Moderation moderation, ServletReplays replays, ConsoleAccess access,
                      DecorationWarnings decorationWarnings) {
        settings.routes().forEach(r -> routes.put(r.name(), r));
        this.moderation = moderation;
        this.replays = replays;
        this.access = access;
        this.decorationWarnings = decorationWarnings;
    }

    /** Handles the paths this class knows; false for any other. */
    boolean handle(ConsoleContext ctx, String sub) throws IOException {
        Matcher action = ACTION.matcher(sub);
        Matcher item = ITEM.matcher(sub);
        boolean post = ctx.isPost();
        if (sub.equals("/queue") && !post) {
            queue(ctx);
        } else if (sub.equals("/history") && !post) {
            history(ctx);
        } else if (sub.equals("/items/bulk") && post) {
            bulk(ctx);
        } else if (action.matches() && post) {
            decide(ctx, Long.parseLong(action.group(1)), action.group(2));
        } else if (item.matches() && !post) {
            item(ctx, Long.parseLong(item.group(1)));
        } else if (sub.equals("/queue") || sub.equals("/history") || item.matches()) {
            ctx.response.setHeader("Allow", "GET");
            ctx.error(405, "console.error.get-only");
        } else if (sub.equals("/items/bulk") || action.matches()) {
            ctx.response.setHeader("Allow", "POST");
            ctx.error(405, "console.error.post-only");
        } else {
            return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- queue

    private void queue(ConsoleContext ctx) throws IOException {
        if (!ctx.require("moderator", "investigator")) {
            return;
        }
        List<String> problems = new ArrayList<>();
        String statusParam = param(ctx, "status");
        Optional<Status> status = Optional.of(Status.PENDING);
        if (statusParam.equals("all")) {
            status = Optional.empty();
        } else if (!statusParam.isEmpty()) {
            status = Status.parse(statusParam).filter(TABS::contains);
            if (status.isEmpty()) {
                problems.add(ctx.text("console.filter.bad-status", statusParam));
                status = Optional.of(Status.PENDING);
            }
        }
        String statusKey = status.map(Status::key).orElse("all");
        String route = param(ctx, "route");
        String fromText = param(ctx, "from");
        String toText = param(ctx, "to");
        Optional<Instant> from = day(ctx, "from", fromText, 0, problems);
        Optional<Instant> to = day(ctx, "to", toText, 1, problems);
        String text = param(ctx, "q");
        String reason = param(ctx, "reason");
        String ip = param(ctx, "ip");
        int size = number(ctx, "size", DEFAULT_SIZE, 5, MAX_SIZE, problems);
        int page = number(ctx, "page", 1, 1, Integer.MAX_VALUE / MAX_SIZE, problems);

        if (status.filter(s -> s == Status.PENDING).isPresent()) {
            moderation.releaseStaleReplays();
        }
        SubmissionQuery query = new SubmissionQuery(status, present(route), from, to, present(text), present(ip),
                present(reason), size, (page - 1) * size);
        Page<Submission> result = moderation.store().search(moderation.siteKey(), query);
        Map<Status, Long> counts = moderation.store().countByStatus(moderation.siteKey());

        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("status", statusKey);
        filters.put("route", route);
        filters.put("from", fromText);
        filters.put("to", toText);
        filters.put("q", text);
        filters.put("reason", reason);
        filters.put("ip", ip);
        filters.put("size", size == DEFAULT_SIZE ? "" : String.valueOf(size));

        Map<String, Object> model = ctx.model(ctx.text("console.queue.title"), "queue");
        List<Map<String, Object>> tabs = new ArrayList<>();
        long all = 0;
        for (Status tab : TABS) {
            long count = counts.getOrDefault(tab, 0L);
            all += count;
            tabs.add(tab(ctx, tab.key(), count, statusKey, filters));
        }
        tabs.add(tab(ctx, "all", all + counts.getOrDefault(Status.REPLAYING, 0L), statusKey, filters));
        model.put("tabs", tabs);
        model.put("status", statusKey);
        model.put("routes", routes.values().stream().map(r -> Map.<String, Object>of("name", r.name(), "label", r.label(),
                "selected", r.name().equals(route))).toList());
        model.put("from", fromText);
        model.put("to", toText);
        model.put("q", text);
        model.put("reason", reason);
        model.put("ip", ip);
        model.put("size", size == DEFAULT_SIZE ? "" : String.valueOf(size));
        model.put("filtersOpen", !(route + fromText + toText + text + reason + ip).isEmpty() || !problems.isEmpty());
        model.put("filterErrors", problems);
        model.put("clearUrl", ctx.base + "/queue?status=" + statusKey);
        boolean canDecide = ctx.has("moderator");
        model.put("canDecide", canDecide);
        Map<String, String> here = new LinkedHashMap<>(filters);
        here.put("page", page == 1 ? "" : String.valueOf(page));
        String returnPath = "/queue" + ConsolePager.query(here);
        model.put("returnPath", returnPath);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Submission s : result.items()) {
            rows.add(row(ctx, s, canDecide));
        }
        model.put("items", rows);
        long first = result.total() == 0 ? 0 : (long) (page - 1) * size + 1;
        long last = Math.min(result.total(), (long) page * size);
        model.put("summary", result.total() == 0 ? "" : ctx.text("console.queue.summary",
                String.valueOf(first), String.valueOf(last), String.valueOf(result.total())));
        model.put("pager", ConsolePager.pager(ctx, "/queue", filters, page, size, result.total()));
        List<Map<String, Object>> cspWarnings = cspWarnings(ctx);
        model.put("cspWarnings", cspWarnings);
        model.put("hasCspWarnings", !cspWarnings.isEmpty());
        unseen(ctx, model);
        ctx.render(200, "queue", model);
    }

    /** Pages where the site's own Content-Security-Policy stops the EMC tracker; shown above the queue. */
    private List<Map<String, Object>> cspWarnings(ConsoleContext ctx) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DecorationWarning w : decorationWarnings.recent()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("pattern", w.pagePattern());
            row.put("example", w.examplePath());
            row.put("source", w.source().equals("meta") ? "<meta http-equiv>" : "Content-Security-Policy header");
            row.put("blocked", ctx.text("console.csp.blocked." + w.blocked()));
            row.put("directive", w.directive());
            row.put("pages", w.pages());
            row.put("lastSeen", ConsoleFormat.time(w.lastSeen()));
            rows.add(row);
        }
        return rows;
    }

    /** Approved submissions the site never showed: flagged above the queue, so that nothing is lost silently. */
    private void unseen(ConsoleContext ctx, Map<String, Object> model) {
        Page<Submission> unseen = moderation.approvedButUnseen(20);
        if (unseen.total() == 0) {
            return;
        }
        model.put("unseenCount", String.valueOf(unseen.total()));
        model.put("unseenIntro", ctx.text("console.unseen.intro", String.valueOf(unseen.total()),
                human(moderation.publication().unseenAfter())));
        model.put("unseen", unseen.items().stream().map(s -> Map.<String, Object>of("id", String.valueOf(s.id()),
                "url", ctx.base + "/items/" + s.id(), "excerpt", ConsoleFormat.excerpt(s.allFields(), routes.get(s.route())),
                "time", ConsoleFormat.time(s.publication().sentAt()), "iso", ConsoleFormat.iso(s.publication().sentAt()))).toList());
    }

    /** The console's wording of where an approved (or refused) submission's publication stands, or null. */
    private String publicationLabel(ConsoleContext ctx, Submission s) {
        Publication.State state = s.publicationState();
        if (state == null) {
            return null;
        }
        return switch (state) {
            case SEEN -> ctx.text("console.publication.seen", s.publication().seenPath(), ConsoleFormat.time(s.publication().seenAt()));
            case SENT -> moderation.unseenTooLong(s)
                    ? ctx.text("console.publication.unseen") : ctx.text("console.publication.sent");
            case FAILED -> ctx.text("console.publication.failed");
        };
    }

    private static String human(java.time.Duration d) {
        long minutes = d.toMinutes();
        if (minutes % (24 * 60) == 0) {
            return minutes / (24 * 60) + " d";
        }
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes + " min";
    }

    private Map<String, Object> tab(ConsoleContext ctx, String key, long count, String current, Map<String, String> filters) {
        Map<String, String> params = new LinkedHashMap<>(filters);
        params.put("status", key);
        Map<String, Object> tab = new LinkedHashMap<>();
        tab.put("key", key);
        tab.put("label", ctx.text("console.status." + key));
        tab.put("count", String.valueOf(count));
        tab.put("url", ctx.base + "/queue" + ConsolePager.query(params));
        tab.put("current", key.equals(current));
        return tab;
    }

    private Map<String, Object> row(ConsoleContext ctx, Submission s, boolean canDecide) {
        Route route = routes.get(s.route());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", String.valueOf(s.id()));
        row.put("url", ctx.base + "/items/" + s.id());
        row.put("time", ConsoleFormat.time(s.receivedAt()));
        row.put("iso", ConsoleFormat.iso(s.receivedAt()));
        row.put("route", route == null ? s.route() : route.label());
        String author = ConsoleFormat.author(s.allFields(), route);
        row.put("author", author.isBlank() ? ctx.text("console.item.anonymous") : author);
        row.put("excerpt", ConsoleFormat.excerpt(s.allFields(), route));
        row.put("score", ConsoleFormat.score(s.score()));
        row.put("verdict", s.verdict().key());
        row.put("verdictLabel", ctx.text("console.verdict." + s.verdict().key()));
        row.put("reasons", s.reasons().stream().map(Reason::describe).toList());
        row.put("client", ConsoleFormat.address(s.clientIp(), s.clientPort()));
        row.put("status", s.status().key());
        row.put("statusLabel", ctx.text("console.status." + s.status().key()));
        row.put("replayError", s.replayError() != null && s.status() == Status.PENDING);
        row.put("publication", s.publicationState() == null ? null : s.publicationState().key());
        row.put("publicationLabel", s.status() == Status.APPROVED ? publicationLabel(ctx, s) : null);
        row.put("canApprove", canDecide && APPROVABLE.contains(s.status()));
        row.put("canReject", canDecide && REJECTABLE.contains(s.status()));
        row.put("canSpam", canDecide && SPAMMABLE.contains(s.status()));
        row.put("selectable", canDecide && s.status() != Status.APPROVED && s.status() != Status.REPLAYING);
        return row;
    }

    // ---------------------------------------------------------------- detail

    private void item(ConsoleContext ctx, long id) throws IOException {
        if (!ctx.require("moderator", "investigator")) {
            return;
        }
        Optional<Submission> found = moderation.store().find(moderation.siteKey(), id);
        if (found.isEmpty()) {
            ctx.error(404, "console.error.no-item");
            return;
        }
        Submission s = found.get();
        Route route = routes.get(s.route());
        boolean canDecide = ctx.has("moderator");
        Map<String, Object> model = ctx.model(ctx.text("console.item.title", String.valueOf(id)), "queue");
        model.putAll(row(ctx, s, canDecide));
        model.put("heading", ctx.text("console.item.title", String.valueOf(id)));
        model.put("returnPath", "/items/" + id);
        model.put("backUrl", ctx.base + "/queue?status=" + (s.status() == Status.REPLAYING ? "pending" : s.status().key()));
        model.put("receipt", s.receipt());
        model.put("canBlock", canDecide);
        model.put("blockIp", s.clientIp());
        model.put("blockReason", ctx.text("console.blocks.from-item", String.valueOf(id)));
        String blocked = ctx.request.getParameter("blocked");
        model.put("blockedNotice", blocked != null && blocked.matches("[0-9]{1,18}") ? ctx.text("console.blocks.added", blocked) : null);
        model.put("request", s.method() + " " + s.path() + (s.queryString() == null ? "" : "?" + s.queryString()));
        model.put("contentType", s.contentType());
        model.put("peer", ConsoleFormat.address(s.peerIp(), s.peerPort()));
        model.put("forwarded", s.forwardedChain());
        model.put("userAgent", s.userAgent());
        model.put("posterUser", s.posterUser());
        model.put("timeSeconds", ConsoleFormat.timeSeconds(s.receivedAt()));
        model.put("reasonList", s.reasons().stream().map(r -> Map.<String, Object>of("rule", r.rule(), "detail", r.detail(),
                "weight", ConsoleFormat.score(r.weight()))).toList());
        model.put("hasReasons", !s.reasons().isEmpty());
        model.put("preview", preview(s, route));
        model.put("raw", raw(s.rawQueryFields(), QUERY_MARK) + raw(s.rawFields(), ""));
        model.put("dropped", s.dropped().isEmpty() ? null : String.join(", ", s.dropped()));
        // Names only: the values can be a challenge's answer or a form secret.
        List<String> sessionNames = moderation.store().sessionValues(moderation.siteKey(), s.id()).names();
        model.put("sessionNames", sessionNames.isEmpty() ? null : String.join(", ", sessionNames));
        List<Map<String, Object>> removed = new ArrayList<>();
        s.removed().forEach((field, what) -> {
            if (!what.isEmpty()) {
                removed.add(Map.of("field", field, "what", String.join(", ", what)));
            }
        });
        model.put("removed", removed);
        model.put("headers", raw(s.headers(), ""));
        model.put("decided", s.decidedBy() != null);
        model.put("decidedBy", s.decidedBy());
        model.put("decidedAt", ConsoleFormat.time(s.decidedAt()));
        model.put("decisionReason", s.decisionReason());
        model.put("replayStatus", s.replayStatus() == null ? "" : String.valueOf(s.replayStatus()));
        model.put("replayErrorText", s.replayError());
        model.put("publication", s.publicationState() == null ? null : s.publicationState().key());
        model.put("publicationLabel", publicationLabel(ctx, s));
        model.put("replayAttempts", String.valueOf(s.replayAttempts()));
        List<Map<String, Object>> editable = new ArrayList<>();
        editable(editable, s.queryFields(), route, QUERY_EDIT_PREFIX, QUERY_MARK);
        editable(editable, s.fields(), route, EDIT_PREFIX, "");
        model.put("editable", editable);
        model.put("canEdit", canDecide && APPROVABLE.contains(s.status()) && !editable.isEmpty());
        model.put("history", moderation.store().history(moderation.siteKey(), id).stream()
                .map(d -> decision(ctx, d, false)).toList());
        ctx.render(200, "item", model);
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
        preview(preview, s.queryFields(), route, QUERY_MARK);
        preview(preview, s.fields(), route, "");
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

    // ---------------------------------------------------------------- decisions

    private void decide(ConsoleContext ctx, long id, String action) throws IOException {
        if (!ctx.require("moderator") || !ctx.mayChangeState(access)) {
            return;
        }
        String actor = ctx.user().name();
        String reason = reason(ctx);
        Moderation.Outcome outcome = switch (action) {
            case "approve" -> moderation.approve(id, actor, replays.via(ctx.request));
            case "reject" -> moderation.reject(id, actor, reason);
            case "spam" -> moderation.markSpam(id, actor, reason);
            default -> moderation.editAndApprove(id, actor, replays.via(ctx.request), edits(ctx, EDIT_PREFIX), edits(ctx, QUERY_EDIT_PREFIX));
        };
        String code = flashCode(outcome.result(), action);
        String back = outcome.result() == Moderation.Result.REPLAY_FAILED ? "/items/" + id
                : Optional.ofNullable(ctx.request.getParameter("return")).orElse("/items/" + id);
        ctx.redirect(ConsoleReturn.withFlash(back, ConsoleFlash.query(code, id)));
    }

    private void bulk(ConsoleContext ctx) throws IOException {
        if (!ctx.require("moderator") || !ctx.mayChangeState(access)) {
            return;
        }
        String action = param(ctx, "action");
        String back = Optional.ofNullable(ctx.request.getParameter("return")).orElse("/queue");
        if (!action.matches("approve|reject|spam")) {
            ctx.error(400, "console.error.bulk-action");
            return;
        }
        List<Long> ids = new ArrayList<>();
        String[] values = ctx.request.getParameterValues("ids");
        if (values != null) {
            for (String value : values) {
                if (value.matches("[0-9]{1,18}") && !ids.contains(Long.parseLong(value))) {
                    ids.add(Long.parseLong(value));
                }
            }
        }
        if (ids.isEmpty()) {
            ctx.redirect(ConsoleReturn.withFlash(back, ConsoleFlash.query("none-selected", 0)));
            return;
        }
        if (ids.size() > MAX_BULK) {
            ctx.error(400, "console.error.bulk-size");
            return;
        }
        int changed = 0;
        int failed = 0;
        for (Moderation.Outcome outcome : moderation.bulk(ids, action, ctx.user().name(), reason(ctx), replays.via(ctx.request))) {
            if (outcome.result() == Moderation.Result.CHANGED) {
                changed++;
            } else if (outcome.result() != Moderation.Result.UNCHANGED) {
                failed++;
            }
        }
        ctx.redirect(ConsoleReturn.withFlash(back, ConsoleFlash.query("bulk-" + action, 0, changed, failed)));
    }

    private static String flashCode(Moderation.Result result, String action) {
        return switch (result) {
            case CHANGED -> switch (action) {
                case "approve" -> "approved";
                case "reject" -> "rejected";
                case "spam" -> "spam";
                default -> "edited";
            };
            case UNCHANGED -> "unchanged";
            case CONFLICT -> "conflict";
            case NOT_FOUND -> "not-found";
            case REPLAY_FAILED -> "replay-failed";
        };
    }

    private static Map<String, String> edits(ConsoleContext ctx, String prefix) {
        Map<String, String> edits = new LinkedHashMap<>();
        ctx.request.getParameterMap().forEach((name, values) -> {
            if (name.startsWith(prefix) && values.length > 0) {
                // Browsers send textarea line breaks as CRLF; the poster's own text had plain LF.
                edits.put(name.substring(prefix.length()), values[0].replace("\r\n", "\n"));
            }
        });
        return edits;
    }

    private static String reason(ConsoleContext ctx) {
        String reason = param(ctx, "reason");
        return reason.isEmpty() ? null : reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
    }

    // ---------------------------------------------------------------- history

    private void history(ConsoleContext ctx) throws IOException {
        if (!ctx.require("moderator", "investigator")) {
            return;
        }
        List<String> problems = new ArrayList<>();
        int page = number(ctx, "page", 1, 1, Integer.MAX_VALUE / HISTORY_SIZE, problems);
        Page<Decision> decisions = moderation.store().recentDecisions(moderation.siteKey(), HISTORY_SIZE, (page - 1) * HISTORY_SIZE);
        Map<String, Object> model = ctx.model(ctx.text("console.history.title"), "history");
        model.put("filterErrors", problems);
        model.put("decisions", decisions.items().stream().map(d -> decision(ctx, d, true)).toList());
        model.put("pager", ConsolePager.pager(ctx, "/history", Map.of(), page, HISTORY_SIZE, decisions.total()));
        ctx.render(200, "history", model);
    }

    private static Map<String, Object> decision(ConsoleContext ctx, Decision d, boolean link) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("time", ConsoleFormat.timeSeconds(d.actedAt()));
        row.put("iso", ConsoleFormat.iso(d.actedAt()));
        row.put("actor", d.actor());
        String key = "console.action." + d.action();
        row.put("action", d.action());
        row.put("actionLabel", ctx.messages.all().containsKey(key) ? ctx.text(key) : d.action());
        row.put("from", ctx.text("console.status." + d.fromStatus().key()));
        row.put("to", ctx.text("console.status." + d.toStatus().key()));
        row.put("reason", d.reason());
        row.put("detail", d.detail());
        row.put("itemId", String.valueOf(d.submissionId()));
        row.put("itemUrl", link ? ctx.base + "/items/" + d.submissionId() : null);
        return row;
    }

    // ---------------------------------------------------------------- helpers

    private static String param(ConsoleContext ctx, String name) {
        String value = ctx.request.getParameter(name);
        return value == null ? "" : value.trim();
    }

    private static Optional<String> present(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** The start of a day in Vietnam's zone ({@code plusDays} 1 for the end of an inclusive "to" day). */
    private static Optional<Instant> day(ConsoleContext ctx, String name, String text, int plusDays, List<String> problems) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text).plusDays(plusDays).atStartOfDay(ConsoleFormat.ZONE).toInstant());
        } catch (DateTimeParseException e) {
            problems.add(ctx.text("console.filter.bad-date", ctx.text("console.filter." + name), text));
            return Optional.empty();
        }
    }

    private static int number(ConsoleContext ctx, String name, int fallback, int min, int max, List<String> problems) {
        String text = param(ctx, name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(ctx.text("console.filter.bad-number", name, text, String.valueOf(min), String.valueOf(max)));
        return fallback;
    }
}
