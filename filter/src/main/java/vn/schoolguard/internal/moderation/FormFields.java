package vn.schoolguard.internal.moderation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Ordered, immutable copies of multi-valued form fields (names keep their posted order). */
public final class FormFields {

    private FormFields() {
    }

    public static Map<String, List<String>> copy(Map<String, List<String>> fields) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        fields.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }

    /** The fields of {@code first}, then those of {@code second}; a name in both gets both lists of values, in that order. */
    public static Map<String, List<String>> merge(Map<String, List<String>> first, Map<String, List<String>> second) {
        Map<String, List<String>> merged = new LinkedHashMap<>();
        first.forEach((name, values) -> merged.put(name, new java.util.ArrayList<>(values)));
        second.forEach((name, values) -> merged.computeIfAbsent(name, k -> new java.util.ArrayList<>()).addAll(values));
        return copy(merged);
    }
}
