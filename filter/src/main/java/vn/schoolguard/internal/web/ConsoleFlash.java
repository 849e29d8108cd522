package vn.schoolguard.internal.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The one-line notice shown after a POST-redirect-GET: the redirect carries only a code and numbers
 * ({@code ?done=approved&id=12}); the text comes from the message files, so nothing typed by anyone is reflected.
 */
final class ConsoleFlash {

    /** Flash codes and whether each is good news ({@code ok}) or needs attention ({@code warn}). */
    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("approved", "ok"), Map.entry("rejected", "ok"), Map.entry("spam", "ok"), Map.entry("edited", "ok"),
            Map.entry("unchanged", "info"), Map.entry("conflict", "warn"), Map.entry("not-found", "warn"),
            Map.entry("replay-failed", "warn"), Map.entry("none-selected", "warn"),
            Map.entry("bulk-approve", "ok"), Map.entry("bulk-reject", "ok"), Map.entry("bulk-spam", "ok"),
            Map.entry("signed-out", "info"), Map.entry("account-created", "ok"), Map.entry("password-reset", "ok"),
            Map.entry("roles-changed", "ok"), Map.entry("account-disabled", "ok"), Map.entry("account-enabled", "ok"),
            Map.entry("site-added", "ok"));

    private ConsoleFlash() {
    }

    /** The query string of a redirect that shows the notice {@code code}. */
    static String query(String code, long id, int count, int failed) {
        if (!KINDS.containsKey(code)) {
            throw new IllegalArgumentException("unknown flash code " + code);
        }
        StringBuilder query = new StringBuilder("done=").append(code);
        if (id > 0) {
            query.append("&id=").append(id);
        }
        if (count >= 0) {
            query.append("&n=").append(count).append("&failed=").append(Math.max(0, failed));
        }
        return query.toString();
    }

    static String query(String code, long id) {
        return query(code, id, -1, 0);
    }

    /**
     * The notice for this request, as {@code {kind, text}} for the templates. Only a GET (the redirect's target)
     * carries one; other methods are not asked for parameters, which could make the container read their body.
     */
    static Optional<Map<String, Object>> read(HttpServletRequest request, Messages messages) {
        if (!request.getMethod().equals("GET") && !request.getMethod().equals("HEAD")) {
            return Optional.empty();
        }
        String code = request.getParameter("done");
        if (code == null || !KINDS.containsKey(code)) {
            return Optional.empty();
        }
        String id = digits(request.getParameter("id"));
        String count = digits(request.getParameter("n"));
        String failed = digits(request.getParameter("failed"));
        String text = messages.get("console.flash." + code, id, count, failed);
        if (!failed.isEmpty() && !failed.equals("0")) {
            text = text + " " + messages.get("console.flash.failed", failed);
        }
        Map<String, Object> flash = new LinkedHashMap<>();
        flash.put("kind", KINDS.get(code));
        flash.put("text", text);
        return Optional.of(flash);
    }

    private static String digits(String text) {
        return text != null && text.matches("[0-9]{1,18}") ? text : "";
    }
}
