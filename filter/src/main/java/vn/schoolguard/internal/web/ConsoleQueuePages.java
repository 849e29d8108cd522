package vn.schoolguard.internal.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.schoolguard.internal.inject.DecorationWarning;
import vn.schoolguard.internal.inject.DecorationWarnings;
import vn.schoolguard.internal.moderation.Decision;
import vn.schoolguard.internal.moderation.Moderation;
import vn.schoolguard.internal.db.Page;
import vn.schoolguard.internal.moderation.Status;
import vn.schoolguard.internal.moderation.Submission;
import vn.schoolguard.internal.moderation.SubmissionQueries;

/** The queue with its tabs, filters and warnings, and the decision history. */
final class ConsoleQueuePages {

    private static final int HISTORY_SIZE = 50;

    private final ConsoleRows rows;
    private final Moderation moderation;
    private final SubmissionQueries queries;
    private final DecorationWarnings decorationWarnings;

    ConsoleQueuePages(ConsoleRows rows, Moderation moderation, SubmissionQueries queries,
                      DecorationWarnings decorationWarnings) {
        this.rows = rows;
        this.moderation = moderation;
        this.queries = queries;
        this.decorationWarnings = decorationWarnings;
    }

    void queue(ConsoleContext ctx) throws IOException {
        QueueFilters filters = QueueFilters.read(ctx);
        if (filters.status().filter(s -> s == Status.PENDING).isPresent()) {
            moderation.releaseStaleReplays();
        }
        Page<Submission> result = queries.search(filters.query());
        Map<String, Object> model = ctx.model(ctx.text("console.queue.title"), "queue");
        model.put("tabs", tabs(ctx, filters));
        model.put("status", filters.statusKey());
        model.put("routes", rows.routes().values().stream().map(r -> Map.<String, Object>of("name", r.name(),
                "label", r.label(), "selected", r.name().equals(filters.route()))).toList());
        model.put("from", filters.from());
        model.put("to", filters.to());
        model.put("q", filters.text());
        model.put("reason", filters.reason());
        model.put("ip", filters.ip());
        model.put("size", filters.sizeParam());
        model.put("filtersOpen", filters.narrowed());
        model.put("filterErrors", filters.problems());
        model.put("clearUrl", ctx.base + "/queue?status=" + filters.statusKey());
        boolean canDecide = ctx.has("moderator");
        model.put("canDecide", canDecide);
        Map<String, String> here = new LinkedHashMap<>(filters.params());
        here.put("page", filters.page() == 1 ? "" : String.valueOf(filters.page()));
        model.put("returnPath", "/queue" + ConsolePager.query(here));
        model.put("items", result.items().stream().map(s -> rows.row(ctx, s, canDecide)).toList());
        page(ctx, model, filters, result.total());
        List<Map<String, Object>> cspWarnings = cspWarnings(ctx);
        model.put("cspWarnings", cspWarnings);
        model.put("hasCspWarnings", !cspWarnings.isEmpty());
        unseen(ctx, model);
        ctx.render(200, "queue", model);
    }

    /** One tab per status with its count, and "all". */
    private List<Map<String, Object>> tabs(ConsoleContext ctx, QueueFilters filters) {
        Map<Status, Long> counts = queries.countByStatus();
        List<Map<String, Object>> tabs = new ArrayList<>();
        long all = 0;
        for (Status tab : QueueFilters.TABS) {
            long count = counts.getOrDefault(tab, 0L);
            all += count;
            tabs.add(tab(ctx, tab.key(), count, filters));
        }
        tabs.add(tab(ctx, "all", all + counts.getOrDefault(Status.REPLAYING, 0L), filters));
        return tabs;
    }

    private static Map<String, Object> tab(ConsoleContext ctx, String key, long count, QueueFilters filters) {
        Map<String, String> params = new LinkedHashMap<>(filters.params());
        params.put("status", key);
        Map<String, Object> tab = new LinkedHashMap<>();
        tab.put("key", key);
        tab.put("label", ctx.text("console.status." + key));
        tab.put("count", String.valueOf(count));
        tab.put("url", ctx.base + "/queue" + ConsolePager.query(params));
        tab.put("current", key.equals(filters.statusKey()));
        return tab;
    }

    /** "1–25 of 80" and the pager. */
    private static void page(ConsoleContext ctx, Map<String, Object> model, QueueFilters filters, long total) {
        int page = filters.page();
        int size = filters.size();
        long first = total == 0 ? 0 : (long) (page - 1) * size + 1;
        long last = Math.min(total, (long) page * size);
        model.put("summary", total == 0 ? "" : ctx.text("console.queue.summary",
                String.valueOf(first), String.valueOf(last), String.valueOf(total)));
        model.put("pager", ConsolePager.pager(ctx, "/queue", filters.params(), page, size, total));
    }

    /** Pages where the site's own Content-Security-Policy stops the EMC tracker; shown above the queue. */
    private List<Map<String, Object>> cspWarnings(ConsoleContext ctx) {
        List<Map<String, Object>> warnings = new ArrayList<>();
        for (DecorationWarning w : decorationWarnings.recent()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("pattern", w.pagePattern());
            row.put("example", w.examplePath());
            row.put("source", w.source().equals("meta") ? "<meta http-equiv>" : "Content-Security-Policy header");
            row.put("blocked", ctx.text("console.csp.blocked." + w.blocked()));
            row.put("directive", w.directive());
            row.put("pages", w.pages());
            row.put("lastSeen", ConsoleFormat.time(w.lastSeen()));
            warnings.add(row);
        }
        return warnings;
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
                "url", ctx.base + "/items/" + s.id(), "excerpt", ConsoleFormat.excerpt(s.allFields(), rows.route(s)),
                "time", ConsoleFormat.time(s.review().publication().sentAt()), "iso", ConsoleFormat.iso(s.review().publication().sentAt()))).toList());
    }

    private static String human(java.time.Duration d) {
        long minutes = d.toMinutes();
        if (minutes % (24 * 60) == 0) {
            return minutes / (24 * 60) + " d";
        }
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes + " min";
    }

    void history(ConsoleContext ctx) throws IOException {
        List<String> problems = new ArrayList<>();
        int page = ConsoleParams.number(ctx, "page", 1, 1, Integer.MAX_VALUE / HISTORY_SIZE, problems);
        Page<Decision> decisions = queries.recentDecisions(HISTORY_SIZE, (page - 1) * HISTORY_SIZE);
        Map<String, Object> model = ctx.model(ctx.text("console.history.title"), "history");
        model.put("filterErrors", problems);
        model.put("decisions", decisions.items().stream().map(d -> ConsoleRows.decision(ctx, d, true)).toList());
        model.put("pager", ConsolePager.pager(ctx, "/history", Map.of(), page, HISTORY_SIZE, decisions.total()));
        ctx.render(200, "history", model);
    }
}
