package vn.schoolguard.internal.moderation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.type.TypeReference;

import vn.schoolguard.internal.log.Log;
import vn.schoolguard.internal.db.Json;

/**
 * Session attributes of a poster kept with a held submission ({@code route.<name>.session-attributes}) and set
 * again in the replay request's session, so that a site's session-bound checks (a math question, a form
 * token kept in the session) pass on replay. Only String, Boolean and number values are kept: they can be
 * stored as text and rebuilt with their type; anything else is left out with a log line. Immutable.
 */
public record SessionValues(Map<String, Value> values) {

    private static final Log LOG = Log.get(SessionValues.class);
    private static final TypeReference<LinkedHashMap<String, Value>> TYPE = new TypeReference<>() { };
    private static final int MAX_CHARS = 10_000;

    /** Types a kept value may have, by the simple name stored with it. */
    private static final Map<String, Function<String, Object>> TYPES = Map.of(
            "String", s -> s,
            "Boolean", Boolean::valueOf,
            "Integer", Integer::valueOf,
            "Long", Long::valueOf,
            "Short", Short::valueOf,
            "Byte", Byte::valueOf,
            "Double", Double::valueOf,
            "Float", Float::valueOf,
            "BigDecimal", BigDecimal::new,
            "BigInteger", BigInteger::new);

    /** One kept value: its type's simple name and its text. */
    public record Value(String type, String text) {
    }

    public static final SessionValues NONE = new SessionValues(Map.of());

    public SessionValues {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * The kept attributes of a session, read by name through {@code attribute}; names not set in it are simply absent.
     */
    public static SessionValues keep(String route, List<String> names, Function<String, Object> attribute) {
        if (names.isEmpty()) {
            return NONE;
        }
        Map<String, Value> kept = new LinkedHashMap<>();
        for (String name : names) {
            Object value = attribute.apply(name);
            if (value == null) {
                continue;
            }
            String type = value.getClass().getSimpleName();
            if (!TYPES.containsKey(type) || !value.getClass().getName().startsWith("java.")) {
                LOG.warn("Route {}: session attribute {} is a {}; only String, Boolean and number values are kept"
                        + " for replay (setting route.{}.session-attributes), so it is left out", route, name,
                        value.getClass().getName(), route);
                continue;
            }
            String text = value.toString();
            if (text.length() > MAX_CHARS) {
                LOG.warn("Route {}: session attribute {} has {} characters, more than the {} kept for replay; it is left out",
                        route, name, text.length(), MAX_CHARS);
                continue;
            }
            kept.put(name, new Value(type, text));
        }
        return new SessionValues(kept);
    }

    /** Every kept attribute with its original type, in the order kept: what a replay sets in its session. */
    public Map<String, Object> typed() {
        Map<String, Object> typed = new LinkedHashMap<>();
        values.forEach((name, value) -> typed.put(name, TYPES.get(value.type()).apply(value.text())));
        return typed;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The names only: what moderators are shown (the values may be secrets such as a challenge's answer). */
    public List<String> names() {
        return List.copyOf(values.keySet());
    }

    public String toJson() {
        return Json.write(values);
    }

    /** Reads what {@link #toJson()} wrote; values of unknown types are dropped. */
    public static SessionValues fromJson(String json) {
        if (json == null || json.isBlank()) {
            return NONE;
        }
        Map<String, Value> read = new LinkedHashMap<>(Json.read(json, TYPE));
        read.values().removeIf(v -> v == null || !TYPES.containsKey(v.type()) || v.text() == null);
        return new SessionValues(read);
    }
}
