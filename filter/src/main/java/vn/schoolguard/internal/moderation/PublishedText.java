package vn.schoolguard.internal.moderation;

import java.util.List;
import java.util.Map;

import vn.schoolguard.internal.inject.VisibleText;

/**
 * The main text of a submission, the one a page shows when the application published it: the first field
 * the route lists as {@code html}, else the first it lists as {@code text}, else the longest text value.
 * Internal; public for the store.
 */
public final class PublishedText {

    private PublishedText() {
    }

    /** The main field's value as the application receives it, or an empty string. */
    static String value(Route route, Map<String, List<String>> fields) {
        String name = field(route, fields);
        if (name == null) {
            return "";
        }
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    /**
     * The main field's text as a visitor reads it on a page: HTML fields without their markup (the application
     * shows them as markup), other fields as they are (the application escapes them).
     */
    public static String visible(Route route, Map<String, List<String>> fields) {
        String name = field(route, fields);
        if (name == null) {
            return "";
        }
        String value = value(route, fields);
        return route != null && route.roleOf(name) == FieldRole.HTML ? VisibleText.of(value) : value;
    }

    private static String field(Route route, Map<String, List<String>> fields) {
        if (route != null) {
            for (FieldRole wanted : List.of(FieldRole.HTML, FieldRole.TEXT)) {
                for (Map.Entry<String, FieldRole> listed : route.fields().entrySet()) {
                    if (listed.getValue() == wanted && fields.containsKey(listed.getKey())) {
                        return listed.getKey();
                    }
                }
            }
        }
        String longest = null;
        int length = -1;
        for (Map.Entry<String, List<String>> field : fields.entrySet()) {
            boolean text = route == null || route.roleOf(field.getKey()) == FieldRole.TEXT;
            int size = field.getValue().isEmpty() ? 0 : field.getValue().get(0).length();
            if (text && size > length) {
                longest = field.getKey();
                length = size;
            }
        }
        return longest;
    }
}
