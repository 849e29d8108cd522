package vn.schoolguard.internal.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.schoolguard.internal.inject.VisibleText;

/** Reads an application's answer to a replay for {@link SuccessRules}: a form showing the post again, the line to quote. */
final class AnswerText {

    private static final Pattern FORM = Pattern.compile("<form\\b.*?(?:</form\\s*>|\\z)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TEXTAREA = Pattern.compile("<textarea\\b[^>]*>(.*?)</textarea", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern VALUE = Pattern.compile("\\bvalue\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))", Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKED = Pattern.compile("<[a-z0-9]+\\b[^>]*(?:class\\s*=\\s*[\"'][^\"'>]*\\b(?:error|errors|alert|invalid|warning)\\b"
            + "|role\\s*=\\s*[\"']alert)[^>]*>", Pattern.CASE_INSENSITIVE);

    private AnswerText() {
    }

    /** Whether a form in the page holds the posted text again: the application put it back for the poster to fix. */
    static boolean formShowsAgain(String body, String postedText) {
        String posted = normalize(postedText);
        if (posted.isEmpty()) {
            return false;
        }
        Matcher form = FORM.matcher(body);
        while (form.find()) {
            String html = form.group();
            Matcher area = TEXTAREA.matcher(html);
            while (area.find()) {
                if (holds(area.group(1), posted)) {
                    return true;
                }
            }
            Matcher input = INPUT.matcher(html);
            while (input.find()) {
                Matcher value = VALUE.matcher(input.group());
                if (value.find() && holds(firstNonNull(value.group(1), value.group(2), value.group(3)), posted)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean holds(String shown, String posted) {
        String text = normalize(VisibleText.decode(shown));
        return !text.isEmpty() && (text.contains(posted) || normalize(VisibleText.of(text)).contains(normalize(VisibleText.of(posted))));
    }

    private static String normalize(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The line of the answer a moderator needs: the one with the failure marker, else an element marked as an
     * error or alert, else the first line of visible text.
     */
    static String firstLine(String body, String marker) {
        if (body.isBlank()) {
            return "";
        }
        String message = jsonMessage(body);
        if (message != null) {
            return message.length() > 300 ? message.substring(0, 300) + "…" : message;
        }
        List<String> lines = new ArrayList<>();
        for (String line : VisibleText.of(body).split("\n")) {
            String clean = line.replaceAll("\\s+", " ").trim();
            if (!clean.isEmpty()) {
                lines.add(clean);
            }
        }
        String chosen = null;
        if (marker != null) {
            chosen = lines.stream().filter(l -> l.toLowerCase(Locale.ROOT).contains(marker)).findFirst().orElse(null);
        }
        if (chosen == null) {
            // The text right after an element marked as an error or alert: a bounded look, linear in the body.
            Matcher marked = MARKED.matcher(body);
            while (chosen == null && marked.find()) {
                String after = body.substring(marked.end(), Math.min(body.length(), marked.end() + 2000));
                chosen = java.util.Arrays.stream(VisibleText.of(after).split("\n")).map(l -> l.replaceAll("\\s+", " ").trim())
                        .filter(l -> !l.isEmpty()).findFirst().orElse(null);
            }
        }
        if (chosen == null) {
            chosen = lines.isEmpty() ? "" : lines.get(0);
        }
        return chosen.length() > 300 ? chosen.substring(0, 300) + "…" : chosen;
    }

    /**
     * The message of a JSON error answer (as containers write for {@code sendError} when the client accepts JSON,
     * e.g. {@code {"status":"400","message":"..."}}), or null when the body is not such an answer.
     */
    static String jsonMessage(String body) {
        String text = body.strip();
        if (!text.startsWith("{")) {
            return null;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode node = vn.schoolguard.internal.db.Json.MAPPER.readTree(text);
            for (String field : List.of("message", "error_description", "detail", "error", "title")) {
                com.fasterxml.jackson.databind.JsonNode value = node.path(field);
                if (value.isTextual() && !value.asText().isBlank()) {
                    return value.asText().replaceAll("\\s+", " ").trim();
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // Not JSON after all (or cut at 64 KB): the visible text is shown instead.
        }
        return null;
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return "";
    }
}
