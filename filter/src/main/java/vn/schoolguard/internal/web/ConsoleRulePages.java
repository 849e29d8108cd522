package vn.schoolguard.internal.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.schoolguard.internal.moderation.RuleReview;
import vn.schoolguard.internal.spam.Reason;

/** {@code /rules}: how each spam rule fares against moderators' decisions, and a re-check of approved content. */
final class ConsoleRulePages {

    private final RuleReview rules;

    ConsoleRulePages(RuleReview rules) {
        this.rules = rules;
    }

    void page(ConsoleContext ctx) throws IOException {
        render(ctx, null);
    }

    void recheck(ConsoleContext ctx) throws IOException {
        List<Map<String, Object>> flagged = new ArrayList<>();
        for (RuleReview.Flagged f : rules.recheckApproved(RulesApi.WINDOW, RulesApi.MAX_ITEMS)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", f.submission().id());
            row.put("url", ctx.base + "/items/" + f.submission().id());
            row.put("time", ConsoleFormat.time(f.submission().receivedAt()));
            row.put("excerpt", ConsoleFormat.plain(String.join(" ", f.submission().allFields().values().stream()
                    .flatMap(List::stream).toList())));
            row.put("verdict", ctx.text("console.verdict." + f.now().verdict().key()));
            row.put("score", ConsoleFormat.score(f.now().score()));
            row.put("reasons", f.now().reasons().stream().map(Reason::describe).toList());
            flagged.add(row);
        }
        render(ctx, flagged);
    }

    private void render(ConsoleContext ctx, List<Map<String, Object>> flagged) throws IOException {
        Map<String, Object> model = ctx.model(ctx.text("console.rules.title"), "rules");
        List<Map<String, Object>> stats = new ArrayList<>();
        for (RuleReview.RuleStats s : rules.stats(RulesApi.WINDOW, RulesApi.MAX_ITEMS)) {
            Map<String, Object> row = RulesApi.stats(s);
            row.put("fp", Math.round(s.falsePositiveRate() * 100) + "%");
            row.put("queueUrl", ctx.base + "/queue?status=all&reason=" + java.net.URLEncoder.encode(s.rule(), java.nio.charset.StandardCharsets.UTF_8));
            row.put("noisy", s.falsePositiveRate() >= 0.2 && s.approved() >= 3);
            stats.add(row);
        }
        model.put("stats", stats);
        model.put("days", RulesApi.WINDOW.toDays());
        model.put("canRecheck", ctx.has("moderator"));
        model.put("rechecked", flagged != null);
        model.put("flagged", flagged == null ? List.of() : flagged);
        ctx.render(200, "rules", model);
    }
}
