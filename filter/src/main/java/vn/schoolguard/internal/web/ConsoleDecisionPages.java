package vn.schoolguard.internal.web;

import vn.schoolguard.internal.http.ServletReplays;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.schoolguard.internal.moderation.Moderation;

import static vn.schoolguard.internal.web.ConsoleParams.param;

/** Decisions from the console: approve, reject, spam or edit one submission, or decide on many at once. */
final class ConsoleDecisionPages {

    private static final int MAX_BULK = 500;
    private static final int MAX_REASON = 500;

    private final Moderation moderation;
    private final ServletReplays replays;

    ConsoleDecisionPages(Moderation moderation, ServletReplays replays) {
        this.moderation = moderation;
        this.replays = replays;
    }

    void decide(ConsoleContext ctx, long id, String action) {
        String actor = ctx.user().name();
        String reason = reason(ctx);
        Moderation.Outcome outcome = switch (action) {
            case "approve" -> moderation.approve(id, actor, replays.via(ctx.request));
            case "reject" -> moderation.reject(id, actor, reason);
            case "spam" -> moderation.markSpam(id, actor, reason);
            default -> moderation.editAndApprove(id, actor, replays.via(ctx.request), edits(ctx, ConsoleItemPage.EDIT_PREFIX),
                    edits(ctx, ConsoleItemPage.QUERY_EDIT_PREFIX));
        };
        String code = flashCode(outcome.result(), action);
        String back = outcome.result() == Moderation.Result.REPLAY_FAILED ? "/items/" + id
                : Optional.ofNullable(ctx.request.getParameter("return")).orElse("/items/" + id);
        ctx.redirect(ConsoleReturn.withFlash(back, ConsoleFlash.query(code, id)));
    }

    void bulk(ConsoleContext ctx) throws IOException {
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
}
