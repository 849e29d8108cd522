package vn.schoolguard.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;

import vn.schoolguard.moderation.Moderation;
import vn.schoolguard.moderation.Submission;
import vn.schoolguard.ratelimit.Block;
import vn.schoolguard.ratelimit.BlockList;
import vn.schoolguard.ratelimit.BlockRequest;
import vn.schoolguard.ratelimit.BlockSuggestion;
import vn.schoolguard.ratelimit.BlockTexts;
import vn.schoolguard.db.Json;

/**
 * The block list's API under {@code <console>/api/blocks}, for moderators and admins:
 * {@code GET /blocks[?all=true]} lists blocks with hit counts and roll-up suggestions,
 * {@code POST /blocks} adds one ({@code {"cidr","reason","expiresIn","submission"}}; with only a submission
 * its poster's address is blocked), {@code GET /blocks/{id}} shows one and {@code DELETE /blocks/{id}} lifts it.
 */
final class BlockApi {

    private static final Pattern ITEM = Pattern.compile("/blocks/(\\d{1,18})");

    private final BlockList blocks;
    private final Moderation moderation;
    private final ConsoleAccess access;
    private final Clock clock;

    BlockApi(BlockList blocks, Moderation moderation, ConsoleAccess access, Clock clock) {
        this.blocks = blocks;
        this.moderation = moderation;
        this.access = access;
        this.clock = clock;
    }

    void handle(HttpServletRequest request, HttpServletResponse response, String path, ConsoleAccess.Caller caller)
            throws IOException {
        if (!ApiHandler.requireRole(response, caller, "moderator", "admin")) {
            return;
        }
        String method = request.getMethod();
        Matcher item = ITEM.matcher(path);
        if (path.equals("/blocks") && method.equals("GET")) {
            boolean all = "true".equals(request.getParameter("all")) || "1".equals(request.getParameter("all"));
            List<Block> list = blocks.list(all);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("items", list.stream().map(this::item).toList());
            body.put("total", list.size());
            body.put("suggestions", blocks.suggestions().stream().map(BlockApi::suggestion).toList());
            Http.json(response, 200, body);
        } else if (path.equals("/blocks") && method.equals("POST")) {
            if (mayChange(request, response, caller)) {
                add(request, response, caller);
            }
        } else if (item.matches() && method.equals("GET")) {
            Optional<Block> block = blocks.find(Long.parseLong(item.group(1)));
            if (block.isEmpty()) {
                Http.jsonError(response, 404, "there is no block " + item.group(1));
            } else {
                Http.json(response, 200, item(block.get()));
            }
        } else if (item.matches() && method.equals("DELETE")) {
            if (mayChange(request, response, caller)) {
                Optional<Block> block = blocks.remove(Long.parseLong(item.group(1)), caller.user().name());
                if (block.isEmpty()) {
                    Http.jsonError(response, 404, "there is no block " + item.group(1));
                } else {
                    Http.json(response, 200, item(block.get()));
                }
            }
        } else if (path.equals("/blocks") || item.matches()) {
            response.setHeader("Allow", path.equals("/blocks") ? "GET, POST" : "GET, DELETE");
            Http.jsonError(response, 405, method + " is not allowed here");
        } else {
            Http.jsonError(response, 404, "no such API endpoint: " + path);
        }
    }

    private void add(HttpServletRequest request, HttpServletResponse response, ConsoleAccess.Caller caller) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        String type = request.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            JsonNode body;
            try {
                body = Json.MAPPER.readTree(request.getInputStream());
            } catch (IOException e) {
                body = null;
            }
            if (body == null || !body.isObject()) {
                Http.jsonError(response, 400, "send a JSON object such as {\"cidr\":\"203.0.113.0/24\",\"reason\":\"gambling spam\",\"expiresIn\":\"7d\"}");
                return;
            }
            for (String name : List.of("cidr", "reason", "expiresIn", "submission")) {
                if (body.hasNonNull(name)) {
                    fields.put(name, body.get(name).asText());
                }
            }
        } else {
            for (String name : List.of("cidr", "reason", "expiresIn", "submission")) {
                if (request.getParameter(name) != null) {
                    fields.put(name, request.getParameter(name));
                }
            }
        }
        try {
            BlockRequest block = blockRequest(fields, moderation);
            Block added = blocks.add(block, caller.user().name());
            response.setHeader("Location", request.getContextPath() + request.getServletPath() + "/blocks/" + added.id());
            Http.json(response, 201, item(added));
        } catch (BlockTexts.Invalid e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", 400);
            body.put("error", e.getMessage());
            body.put("field", e.field());
            Http.json(response, 400, body);
        }
    }

    /**
     * A block request from form or JSON fields; with a {@code submission} and no {@code cidr}, the
     * submission's client address is blocked.
     */
    static BlockRequest blockRequest(Map<String, String> fields, Moderation moderation) {
        Long submissionId = null;
        String cidr = fields.get("cidr");
        String submission = fields.get("submission");
        if (submission != null && !submission.isBlank()) {
            Optional<Submission> found = Optional.empty();
            try {
                submissionId = Long.parseLong(submission.trim());
                found = moderation.store().find(moderation.siteKey(), submissionId);
            } catch (NumberFormatException e) {
                // Reported below as an unknown submission.
            }
            if (found.isEmpty()) {
                throw BlockTexts.badSubmission(submission);
            }
            if (cidr == null || cidr.isBlank()) {
                cidr = found.get().poster().clientIp();
            }
        }
        return new BlockRequest(cidr, fields.get("reason"), BlockTexts.parseExpiry(fields.get("expiresIn")), submissionId);
    }

    private boolean mayChange(HttpServletRequest request, HttpServletResponse response, ConsoleAccess.Caller caller)
            throws IOException {
        if (access.mayChangeState(request, caller)) {
            return true;
        }
        Http.jsonError(response, 403, "missing or wrong CSRF token, or a cross-site request");
        return false;
    }

    Map<String, Object> item(Block block) {
        Instant now = clock.instant();
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", block.id());
        item.put("cidr", block.cidr());
        item.put("reason", block.reason());
        item.put("active", block.activeAt(now));
        item.put("createdBy", block.createdBy());
        item.put("createdAt", block.createdAt().toString());
        item.put("expiresAt", block.expiresAt() == null ? null : block.expiresAt().toString());
        item.put("submissionId", block.submissionId());
        item.put("removedAt", block.removedAt() == null ? null : block.removedAt().toString());
        item.put("removedBy", block.removedBy());
        item.put("hits", block.hits());
        item.put("lastHitAt", block.lastHitAt() == null ? null : block.lastHitAt().toString());
        return item;
    }

    private static Map<String, Object> suggestion(BlockSuggestion s) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("cidr", s.cidr());
        item.put("count", s.blockIds().size());
        item.put("blockIds", s.blockIds());
        return item;
    }
}
