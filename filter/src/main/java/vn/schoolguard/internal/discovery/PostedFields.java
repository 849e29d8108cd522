package vn.schoolguard.internal.discovery;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import vn.schoolguard.internal.db.Json;

/**
 * The fields of a request the application has handled, from what it already read: the parameters the container
 * parsed for it, or the copy of the body it read (a form or a JSON object). Lenient: a broken body gives fewer
 * fields, never an error, since only names are kept.
 */
public final class PostedFields {

    /** Most fields noted per request; a form with more is noted with the first ones. */
    static final int MAX_FIELDS = 40;
    /** Longest field name noted. */
    static final int MAX_NAME = 60;

    private PostedFields() {
    }

    /**
     * The fields of a handled request.
     *
     * @param parameters  the parameters the container parsed, when the application asked for them; else null
     * @param queryString the query string, or null
     * @param bodyRead    the body bytes the application read, when it read them all and they fit the copy; else null
     * @param contentType the request's Content-Type, or null
     */
    public static Map<String, List<String>> of(Supplier<Map<String, String[]>> parameters, String queryString,
                                               byte[] bodyRead, String contentType) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (parameters != null) {
            try {
                parameters.get().forEach((name, values) -> add(fields, name, List.of(values)));
            } catch (RuntimeException containerRefused) {
                // A container may refuse parameters once the body was read as a stream: the copy below is enough.
            }
        }
        if (parameters == null && queryString != null) {
            form(queryString, fields);
        }
        if (bodyRead != null) {
            String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
            if (type.startsWith("application/json") || type.endsWith("+json")) {
                json(bodyRead, fields);
            } else if (type.startsWith("application/x-www-form-urlencoded")) {
                form(new String(bodyRead, StandardCharsets.ISO_8859_1), fields);
            }
        }
        return fields;
    }

    private static void form(String encoded, Map<String, List<String>> fields) {
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                add(fields, name, List.of(value));
            } catch (IllegalArgumentException badEscape) {
                // Skipped: the application decided what such a field meant.
            }
        }
    }

    private static void json(byte[] body, Map<String, List<String>> fields) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (java.io.IOException | RuntimeException notJson) {
            return;
        }
        if (root == null || !root.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isObject()) {
                // One level of nesting, as {"comment": {"body": ...}} is common; named comment.body.
                field.getValue().fields().forEachRemaining(inner -> add(fields, field.getKey() + "." + inner.getKey(),
                        values(inner.getValue())));
            } else {
                add(fields, field.getKey(), values(field.getValue()));
            }
        }
    }

    private static List<String> values(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> values.add(item.isValueNode() ? item.asText() : ""));
        } else {
            values.add(node.isValueNode() ? node.asText() : "");
        }
        return values;
    }

    private static void add(Map<String, List<String>> fields, String name, List<String> values) {
        if (name.isEmpty() || (fields.size() >= MAX_FIELDS && !fields.containsKey(name))) {
            return;
        }
        String kept = name.replaceAll("\\p{Cntrl}", "");
        kept = kept.length() > MAX_NAME ? kept.substring(0, MAX_NAME) : kept;
        fields.computeIfAbsent(kept, k -> new ArrayList<>()).addAll(values);
    }
}
