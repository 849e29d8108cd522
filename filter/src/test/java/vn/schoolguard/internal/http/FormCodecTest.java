package vn.schoolguard.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vn.schoolguard.internal.moderation.BadSubmission;

/** Strict form decoding against hostile bodies (http/form-codec-cases.tsv), and the encoding a replay sends. */
class FormCodecTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REPEAT = Pattern.compile("@repeat\\((\\d+),(.*)\\)");
    private static final Pattern UNICODE = Pattern.compile("\\\\u([0-9a-fA-F]{4})|\\\\0");

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (InputStream in = FormCodecTest.class.getResourceAsStream("/http/form-codec-cases.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                assertThat(cells).as("five cells in: %s", line).hasSize(5);
                cases.add(Arguments.of(cells[0], Charset.forName(cells[1]), Integer.parseInt(cells[2]), input(cells[3]), cells[4]));
            }
        }
        return cases.stream();
    }

    private static String input(String cell) {
        Matcher repeat = REPEAT.matcher(cell);
        if (repeat.matches()) {
            return repeat.group(2).repeat(Integer.parseInt(repeat.group(1)));
        }
        return UNICODE.matcher(cell).replaceAll(m -> m.group(1) == null ? "\u0000"
                : Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decodesStrictlyOrRefusesWithTheReason(String name, Charset charset, int maxFields, String encoded, String expected)
            throws Exception {
        if (expected.startsWith("error:")) {
            assertThatThrownBy(() -> FormCodec.decode(encoded, charset, maxFields))
                    .isInstanceOf(BadSubmission.class)
                    .hasMessageContaining(expected.substring("error:".length()))
                    .satisfies(e -> assertThat(((BadSubmission) e).status()).isEqualTo(400));
            return;
        }
        Map<String, List<String>> fields = FormCodec.decode(encoded, charset, maxFields);
        if (expected.startsWith("count:")) {
            String[] counts = expected.split(":");
            assertThat(fields).hasSize(Integer.parseInt(counts[1]));
            assertThat(fields.values().stream().mapToInt(List::size).sum()).isEqualTo(Integer.parseInt(counts[2]));
            return;
        }
        Map<String, List<String>> want = JSON.readValue(expected.substring("fields:".length()),
                new TypeReference<LinkedHashMap<String, List<String>>>() { });
        assertThat(fields).containsExactlyEntriesOf(want);
    }

    @Test
    void aNullQueryStringHasNoFields() throws BadSubmission {
        assertThat(FormCodec.decode(null, StandardCharsets.UTF_8, 1)).isEmpty();
    }

    @Test
    void encodingThenDecodingGivesBackHostileValuesExactly() throws BadSubmission {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("content", List.of("<script>alert('x')</script> & = + % ; \u0000 \r\n", "Xin chào đợi 😀"));
        fields.put("", List.of(""));
        fields.put("a b&c=d", List.of("+%20+"));
        String encoded = FormCodec.encode(fields, StandardCharsets.UTF_8);
        assertThat(encoded).matches("[A-Za-z0-9%&=+*._-]*");
        assertThat(FormCodec.decode(encoded, StandardCharsets.UTF_8, 100)).containsExactlyEntriesOf(fields);
    }

    @Test
    void spacesAreEncodedAsPlusAndPlusAsAnEscape() {
        assertThat(FormCodec.encode(Map.of("a", List.of("x y+z")), StandardCharsets.UTF_8)).isEqualTo("a=x+y%2Bz");
    }
}
