package vn.schoolguard.internal.moderation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Set;

import vn.schoolguard.internal.spam.ScoringInput;
import vn.schoolguard.internal.spam.SpamScorer;

/** The scorer's view of a submission, and what is remembered when a moderator marks it as spam. */
final class SpamMarks {

    private SpamMarks() {
    }

    /** The scoring input of raw fields: every field but ignored ones (the honeypot always counts). */
    static ScoringInput input(Route route, Map<String, List<String>> raw, String clientIp, java.time.Instant receivedAt,
                              String honeypotField) {
        Map<String, String> text = new LinkedHashMap<>();
        for (Entry<String, List<String>> field : raw.entrySet()) {
            FieldRole role = route == null ? FieldRole.TEXT : route.roleOf(field.getKey());
            if (role != FieldRole.IGNORE || field.getKey().equals(honeypotField)) {
                text.put(field.getKey(), String.join("\n", field.getValue()));
            }
        }
        return new ScoringInput(route == null ? "" : route.name(), text, first(raw, route, FieldRole.AUTHOR),
                first(raw, route, FieldRole.EMAIL), first(raw, route, FieldRole.URL), clientIp, receivedAt,
                java.util.Optional.empty());
    }

    static Map<String, Set<String>> of(Submission s, Route route) {
        ScoringInput input = input(route, s.allRawFields(), s.poster().clientIp(), s.receivedAt(), "");
        Map<String, Set<String>> marks = new LinkedHashMap<>();
        marks.put("ip", Set.of(s.poster().clientIp()));
        if (!input.email().isBlank()) {
            marks.put("email", Set.of(input.email().trim().toLowerCase(Locale.ROOT)));
        }
        marks.put("host", SpamScorer.hosts(input));
        if (s.scoring().fingerprint() != null) {
            marks.put("fingerprint", Set.of(s.scoring().fingerprint()));
        }
        // Near-duplicate signature and band keys, so that the campaign's variants are caught after one mark.
        marks.putAll(SpamScorer.campaignMarks(input));
        return marks;
    }

    static String first(Map<String, List<String>> fields, Route route, FieldRole role) {
        if (route == null) {
            return "";
        }
        for (Entry<String, FieldRole> entry : route.fields().entrySet()) {
            if (entry.getValue() == role) {
                List<String> values = fields.get(entry.getKey());
                if (values != null && !values.isEmpty()) {
                    return values.get(0);
                }
            }
        }
        return "";
    }
}
