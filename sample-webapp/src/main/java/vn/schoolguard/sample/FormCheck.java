package vn.schoolguard.sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/** Reads a posted form and collects every problem with it, in form order. */
final class FormCheck {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> invalid = new LinkedHashMap<>();

    FormCheck(HttpServletRequest request, FormField... fields) {
        for (FormField field : fields) {
            String raw = request.getParameter(field.name());
            String value = raw == null ? "" : raw.strip();
            values.put(field.name(), value);
            int length = value.codePointCount(0, value.length());
            if (field.required() && value.isEmpty()) {
                invalid.put(field.name(), SiteText.required(field.label()));
            } else if (length > field.maxChars()) {
                invalid.put(field.name(), SiteText.tooLong(field.label(), field.maxChars(), length));
            }
        }
    }

    /** Adds a problem when a non-empty value does not look like an e-mail address. */
    FormCheck email(FormField field) {
        String value = value(field);
        if (!value.isEmpty() && !invalid.containsKey(field.name()) && !EMAIL.matcher(value).matches()) {
            invalid.put(field.name(), SiteText.badEmail(field.label()));
        }
        return this;
    }

    /** The stripped value, empty when the field was missing. */
    String value(FormField field) {
        return values.getOrDefault(field.name(), "");
    }

    boolean valid() {
        return invalid.isEmpty();
    }

    boolean isInvalid(FormField field) {
        return invalid.containsKey(field.name());
    }

    List<String> errors() {
        return new ArrayList<>(invalid.values());
    }
}
