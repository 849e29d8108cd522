package vn.schoolguard.internal.web;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import vn.schoolguard.internal.moderation.RuleReview;
import vn.schoolguard.internal.spam.Reason;

/**
 * {@code <console>/api/rules}: per-rule counts of spam and "not spam" decisions (GET), and
 * {@code /api/rules/recheck} (POST): approved content that the current rules would now flag.
 */
final class RulesApi {

    static final Duration WINDOW = Duration.ofDays(180);
    static final int MAX_ITEMS = 20_000;

    record RuleJson(String rule, int spam, int rejected, int approved, int pending, double falsePositiveRate) {
    }

    record RulesJson(List<RuleJson> items, long windowDays) {
    }

    /** An approved submission with what the current rules say of it now. */
    record RecheckJson(@JsonUnwrapped ApiItems.Item item, String nowVerdict, double nowScore, List<String> nowReasons) {
    }

    private final RuleReview rules;

    RulesApi(RuleReview rules) {
        this.rules = rules;
    }

    void stats(ConsoleContext ctx) throws IOException {
        List<RuleJson> items = rules.stats(WINDOW, MAX_ITEMS).stream().map(s -> new RuleJson(s.rule(), s.spam(),
                s.rejected(), s.approved(), s.pending(), rate(s))).toList();
        Http.json(ctx.response, 200, new RulesJson(items, WINDOW.toDays()));
    }

    void recheck(ConsoleContext ctx) throws IOException {
        List<RecheckJson> items = rules.recheckApproved(WINDOW, MAX_ITEMS).stream().map(f -> new RecheckJson(
                ApiItems.item(f.submission()), f.now().verdict().key(), f.now().score(),
                f.now().reasons().stream().map(Reason::describe).toList())).toList();
        Http.json(ctx.response, 200, new ApiItems.Items<>(items, items.size()));
    }

    private static double rate(RuleReview.RuleStats s) {
        return Math.round(s.falsePositiveRate() * 1000) / 1000.0;
    }

    /** A rule's figures as the rules page shows them. */
    static Map<String, Object> stats(RuleReview.RuleStats s) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("rule", s.rule());
        item.put("spam", s.spam());
        item.put("rejected", s.rejected());
        item.put("approved", s.approved());
        item.put("pending", s.pending());
        item.put("falsePositiveRate", rate(s));
        return item;
    }
}
