package vn.schoolguard.internal.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.schoolguard.internal.ratelimit.Block;
import vn.schoolguard.internal.ratelimit.BlockList;
import vn.schoolguard.internal.ratelimit.BlockTexts;

/**
 * The block list in the console: {@code /blocks} lists blocks with their hit counts and roll-up
 * suggestions (moderators and investigators see it), {@code POST /blocks} adds one (from the form, a
 * suggestion or a submission's "block this address" button) and {@code POST /blocks/{id}/remove} lifts one
 * (moderators and admins).
 */
final class ConsoleBlockPages {

    private final BlockList blocks;
    private final BlockRequests requests;
    private final Clock clock;

    ConsoleBlockPages(BlockList blocks, BlockRequests requests, Clock clock) {
        this.blocks = blocks;
        this.requests = requests;
        this.clock = clock;
    }

    void list(ConsoleContext ctx) throws IOException {
        list(ctx, 200, null, Map.of());
    }

    void remove(ConsoleContext ctx, String id) {
        Optional<Block> removed = blocks.remove(Long.parseLong(id), ctx.user().name());
        ctx.redirect("/blocks?" + (removed.isPresent() ? "removed=" + removed.get().id() : "missing=" + id));
    }

    void add(ConsoleContext ctx) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String name : BlockRequests.FIELDS) {
            String value = ctx.request.getParameter(name);
            if (value != null) {
                fields.put(name, value);
            }
        }
        try {
            Block added = blocks.add(requests.of(fields), ctx.user().name());
            String back = ctx.request.getParameter("return");
            if (back != null && back.startsWith("/items/")) {
                ctx.redirect(ConsoleReturn.clean(back) + (back.contains("?") ? "&" : "?") + "blocked=" + added.id());
            } else {
                ctx.redirect("/blocks?added=" + added.id());
            }
        } catch (BlockTexts.Invalid e) {
            list(ctx, 400, e.getMessage(), fields);
        }
    }

    private void list(ConsoleContext ctx, int status, String error, Map<String, String> typed) throws IOException {
        boolean all = "1".equals(ctx.request.getParameter("all"));
        Instant now = clock.instant();
        Map<String, Object> model = ctx.model(ctx.text("console.blocks.title"), "blocks");
        model.put("navBlocks", true);
        model.put("canChange", ctx.has("moderator"));
        model.put("all", all);
        model.put("error", error);
        model.put("cidr", typed.getOrDefault("cidr", ""));
        model.put("reason", typed.getOrDefault("reason", ""));
        model.put("expiry", BlockTexts.EXPIRY_CHOICES.stream().map(choice -> Map.<String, Object>of("value", choice,
                "label", ctx.text("console.blocks.expiry." + choice), "selected", choice.equals(typed.getOrDefault("expiresIn", "30d")))).toList());
        String notice = null;
        if (digits(ctx.request.getParameter("added"))) {
            notice = ctx.text("console.blocks.added", ctx.request.getParameter("added"));
        } else if (digits(ctx.request.getParameter("removed"))) {
            notice = ctx.text("console.blocks.removed", ctx.request.getParameter("removed"));
        }
        model.put("notice", notice);
        model.put("items", blocks.list(all).stream().map(b -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", b.id());
            row.put("cidr", b.cidr());
            row.put("reason", b.reason());
            row.put("createdBy", b.createdBy());
            row.put("createdAt", ConsoleFormat.time(b.createdAt()));
            row.put("expires", b.expiresAt() == null ? ctx.text("console.blocks.expiry.never") : ConsoleFormat.time(b.expiresAt()));
            row.put("hits", String.valueOf(b.hits()));
            row.put("lastHit", b.lastHitAt() == null ? "" : ConsoleFormat.time(b.lastHitAt()));
            row.put("submissionId", b.submissionId());
            row.put("active", b.activeAt(now));
            row.put("removed", b.removedAt() == null ? "" : b.removedBy() + " · " + ConsoleFormat.time(b.removedAt()));
            return row;
        }).toList());
        model.put("hasItems", !((List<?>) model.get("items")).isEmpty());
        model.put("suggestions", blocks.suggestions().stream().map(s -> Map.<String, Object>of("cidr", s.cidr(),
                "count", String.valueOf(s.blockIds().size()),
                "text", ctx.text("console.blocks.suggestion", s.cidr(), String.valueOf(s.blockIds().size())))).toList());
        model.put("hasSuggestions", !((List<?>) model.get("suggestions")).isEmpty());
        ctx.render(status, "blocks", model);
    }

    private static boolean digits(String text) {
        return text != null && text.matches("[0-9]{1,18}");
    }

}
