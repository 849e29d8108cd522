package vn.schoolguard.internal.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import vn.schoolguard.internal.ratelimit.Block;
import vn.schoolguard.internal.ratelimit.BlockList;
import vn.schoolguard.internal.ratelimit.BlockSuggestion;
import vn.schoolguard.internal.ratelimit.BlockTexts;
import vn.schoolguard.internal.db.Json;

/**
 * The block list's API under {@code <console>/api/blocks}, for moderators and admins:
 * {@code GET /blocks[?all=true]} lists blocks with hit counts and roll-up suggestions,
 * {@code POST /blocks} adds one ({@code {"cidr","reason","expiresIn","submission"}}; with only a submission
 * its poster's address is blocked), {@code GET /blocks/{id}} shows one and {@code DELETE /blocks/{id}} lifts it.
 */
final class BlockApi {

    record BlockJson(long id, String cidr, String reason, boolean active, String createdBy, String createdAt,
                     String expiresAt, Long submissionId, String removedAt, String removedBy, long hits, String lastHitAt) {
    }

    record SuggestionJson(String cidr, int count, List<Long> blockIds) {
    }

    record BlocksJson(List<BlockJson> items, int total, List<SuggestionJson> suggestions) {
    }

    private final BlockList blocks;
    private final BlockRequests requests;
    private final Clock clock;

    BlockApi(BlockList blocks, BlockRequests requests, Clock clock) {
        this.blocks = blocks;
        this.requests = requests;
        this.clock = clock;
    }

    void list(ConsoleContext ctx) throws IOException {
        boolean all = "true".equals(ctx.request.getParameter("all")) || "1".equals(ctx.request.getParameter("all"));
        List<Block> list = blocks.list(all);
        Http.json(ctx.response, 200, new BlocksJson(list.stream().map(this::item).toList(), list.size(),
                blocks.suggestions().stream().map(BlockApi::suggestion).toList()));
    }

    void find(ConsoleContext ctx, String id) throws IOException {
        answer(ctx, blocks.find(Long.parseLong(id)), id);
    }

    void remove(ConsoleContext ctx, String id) throws IOException {
        answer(ctx, blocks.remove(Long.parseLong(id), ctx.user().name()), id);
    }

    private void answer(ConsoleContext ctx, Optional<Block> block, String id) throws IOException {
        if (block.isEmpty()) {
            Http.jsonError(ctx.response, 404, "there is no block " + id);
        } else {
            Http.json(ctx.response, 200, item(block.get()));
        }
    }

    void add(ConsoleContext ctx) throws IOException {
        Map<String, String> fields = fields(ctx);
        if (fields == null) {
            Http.jsonError(ctx.response, 400, "send a JSON object such as {\"cidr\":\"203.0.113.0/24\",\"reason\":\"gambling spam\",\"expiresIn\":\"7d\"}");
            return;
        }
        try {
            Block added = blocks.add(requests.of(fields), ctx.user().name());
            ctx.response.setHeader("Location", ctx.request.getContextPath() + ctx.request.getServletPath() + "/blocks/" + added.id());
            Http.json(ctx.response, 201, item(added));
        } catch (BlockTexts.Invalid e) {
            Http.json(ctx.response, 400, new ApiItems.FieldErrorJson(400, e.getMessage(), e.field()));
        }
    }

    /** The request's fields from a JSON object or a form; null when a JSON body is not an object. */
    private static Map<String, String> fields(ConsoleContext ctx) {
        Map<String, String> fields = new LinkedHashMap<>();
        String type = ctx.request.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            JsonNode body;
            try {
                body = Json.MAPPER.readTree(ctx.request.getInputStream());
            } catch (IOException e) {
                body = null;
            }
            if (body == null || !body.isObject()) {
                return null;
            }
            for (String name : BlockRequests.FIELDS) {
                if (body.hasNonNull(name)) {
                    fields.put(name, body.get(name).asText());
                }
            }
        } else {
            for (String name : BlockRequests.FIELDS) {
                if (ctx.request.getParameter(name) != null) {
                    fields.put(name, ctx.request.getParameter(name));
                }
            }
        }
        return fields;
    }

    BlockJson item(Block block) {
        Instant now = clock.instant();
        return new BlockJson(block.id(), block.cidr(), block.reason(), block.activeAt(now), block.createdBy(),
                block.createdAt().toString(), text(block.expiresAt()), block.submissionId(), text(block.removedAt()),
                block.removedBy(), block.hits(), text(block.lastHitAt()));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static SuggestionJson suggestion(BlockSuggestion s) {
        return new SuggestionJson(s.cidr(), s.blockIds().size(), s.blockIds());
    }
}
