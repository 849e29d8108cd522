package vn.schoolguard.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.schoolguard.internal.moderation.Status;
import vn.schoolguard.internal.moderation.SubmissionQuery;

/**
 * The queue search clause: hostile search texts and rule ids (store/hostile-search.jsonl) only ever travel as
 * parameters, matched literally, and the SQL text is the same whatever they hold.
 */
class SubmissionWhereTest {

    private static final String TEXT_SQL = "site_key = ? AND search_text LIKE ? ESCAPE '\\'";
    private static final String REASON_SQL = "site_key = ? AND reasons_json LIKE ? ESCAPE '\\'";

    static Stream<Arguments> hostileValues() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Arguments> cases = new ArrayList<>();
        try (InputStream in = SubmissionWhereTest.class.getResourceAsStream("/store/hostile-search.jsonl");
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> c = json.readValue(line, Map.class);
                    int repeat = (Integer) c.getOrDefault("repeat", 1);
                    cases.add(Arguments.of(c.get("case"), c.get("field"), ((String) c.get("value")).repeat(repeat),
                            ((String) c.get("like")).repeat(repeat)));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileValues")
    void hostileValuesAreParametersMatchedLiterally(String name, String field, String value, String escaped) {
        boolean text = field.equals("text");
        SubmissionWhere where = SubmissionWhere.of("default", text ? byText(value) : byReason(value));
        assertThat(where.sql()).isEqualTo(text ? TEXT_SQL : REASON_SQL);
        assertThat(where.args()).hasSize(2).first().isEqualTo("default");
        String pattern = (String) where.args().get(1);
        assertThat(pattern).isEqualTo(text ? "%" + escaped + "%" : "%\"rule\":\"" + escaped + "\"%");
        String inner = text ? pattern.substring(1, pattern.length() - 1)
                : pattern.substring("%\"rule\":\"".length(), pattern.length() - 2);
        assertThat(unescapedWildcards(inner)).as("no wildcard left unescaped").isEmpty();
        assertThat(unescape(inner)).isEqualTo(text ? value.toLowerCase(java.util.Locale.ROOT) : value);
    }

    @Test
    void everyFilterAddsItsConditionInOrderWithItsValueAsIs() {
        Instant from = Instant.parse("2026-11-20T00:00:00Z");
        Instant to = Instant.parse("2026-11-21T00:00:00Z");
        String hostile = "x' OR 1=1; --%_\\";
        SubmissionWhere where = SubmissionWhere.of(hostile, new SubmissionQuery(Optional.of(Status.SPAM),
                Optional.of(hostile), Optional.of(from), Optional.of(to), Optional.of("Tài_xỉu"), Optional.of(hostile),
                Optional.of("r"), 10, 0));
        assertThat(where.sql()).isEqualTo("site_key = ? AND status = ? AND route = ? AND received_at >= ?"
                + " AND received_at < ? AND search_text LIKE ? ESCAPE '\\' AND client_ip = ?"
                + " AND reasons_json LIKE ? ESCAPE '\\'");
        assertThat(where.args()).containsExactly(hostile, "spam", hostile, from.atOffset(ZoneOffset.UTC),
                to.atOffset(ZoneOffset.UTC), "%tài\\_xỉu%", hostile, "%\"rule\":\"r\"%");
        assertThat(where.order()).isEqualTo("received_at DESC, id DESC");
    }

    @Test
    void pendingWorkIsReadOldestFirstAndEverythingElseNewestFirst() {
        assertThat(SubmissionWhere.of("default", SubmissionQuery.byStatus(Status.PENDING, 50, 0)).order())
                .isEqualTo("received_at ASC, id ASC");
        assertThat(SubmissionWhere.of("default", SubmissionQuery.byStatus(Status.APPROVED, 50, 0)).order())
                .isEqualTo("received_at DESC, id DESC");
        SubmissionWhere none = SubmissionWhere.of("default", new SubmissionQuery(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 50, 0));
        assertThat(none.sql()).isEqualTo("site_key = ?");
        assertThat(none.args()).containsExactly("default");
        assertThat(none.order()).isEqualTo("received_at DESC, id DESC");
    }

    private static SubmissionQuery byText(String text) {
        return new SubmissionQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(text), Optional.empty(), Optional.empty(), 50, 0);
    }

    private static SubmissionQuery byReason(String rule) {
        return new SubmissionQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(rule), 50, 0);
    }

    /** The % and _ of a LIKE body that act as wildcards under ESCAPE '\'. */
    private static String unescapedWildcards(String like) {
        StringBuilder wild = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '%' || c == '_') {
                wild.append(c);
            }
        }
        return wild.toString();
    }

    /** What a LIKE body under ESCAPE '\' matches literally. */
    private static String unescape(String like) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            text.append(c == '\\' && i + 1 < like.length() ? like.charAt(++i) : c);
        }
        return text.toString();
    }
}
