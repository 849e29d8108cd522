package vn.schoolguard.web;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.schoolguard.moderation.RuleReview;
import vn.schoolguard.spam.Reason;

/**
 * {@code <console>/api/rules}: per-rule counts of spam and "not spam" decisions (GET), and
 * {@code /api/rules/recheck} (POST): approved content that the current rules would now flag.
 */
final class RulesApi {

    static final Duration WINDOW = Duration.ofDays(180);
    static final int MAX_ITEMS = 20_000;

    private final RuleReview rules;
    private final ConsoleAccess access;

    RulesApi(RuleReview rules, ConsoleAccess access) {
        this.rules = rules;
        this.access = access;
    }

    void handle(HttpServletRequest request, HttpServletResponse response, String path, ConsoleAccess.Caller caller)
            throws IOException {
        if (path.equals("/rules") && request.getMethod().equals("GET")) {
            if (ApiHandler.requireRole(response, caller, "moderator", "investigator")) {
                List<Map<String, Object>> items = rules.stats(WINDOW, MAX_ITEMS).stream().map(RulesApi::stats).toList();
                Http.json(response, 200, Map.of("items", items, "windowDays", WINDOW.toDays()));
            }
        } else if (path.equals("/rules/recheck") && request.getMethod().equals("POST")) {
            if (ApiHandler.requireRole(response, caller, "moderator")) {
                if (!access.mayChangeState(request, caller)) {
                    Http.jsonError(response, 403, "missing or wrong CSRF token, or a cross-site request");
                    return;
                }
                List<Map<String, Object>> items = rules.recheckApproved(WINDOW, MAX_ITEMS).stream().map(f -> {
                    Map<String, Object> item = new LinkedHashMap<>(ApiItems.item(f.submission()));
                    item.put("nowVerdict", f.now().verdict().key());
                    item.put("nowScore", f.now().score());
                    item.put("nowReasons", f.now().reasons().stream().map(Reason::describe).toList());
                    return item;
                }).toList();
                Http.json(response, 200, Map.of("items", items, "total", items.size()));
            }
        } else if (path.equals("/rules") || path.equals("/rules/recheck")) {
            response.setHeader("Allow", path.equals("/rules") ? "GET" : "POST");
            Http.jsonError(response, 405, request.getMethod() + " is not allowed here");
        } else {
            Http.jsonError(response, 404, "no such API endpoint: " + path);
        }
    }

    static Map<String, Object> stats(RuleReview.RuleStats s) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("rule", s.rule());
        item.put("spam", s.spam());
        item.put("rejected", s.rejected());
        item.put("approved", s.approved());
        item.put("pending", s.pending());
        item.put("falsePositiveRate", Math.round(s.falsePositiveRate() * 1000) / 1000.0);
        return item;
    }
}
