package vn.schoolguard.internal.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Strict address literals: every case of {@code net/ip-literals.tsv}, plus the bytes and hex forms. */
class IpLiteralTest {

    static List<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (String line : lines("/net/ip-literals.tsv")) {
            int open = line.indexOf('|');
            int close = line.lastIndexOf('|');
            String expected = line.substring(line.indexOf('\t', close) + 1).trim();
            cases.add(Arguments.of(line.substring(open + 1, close), expected));
        }
        return cases;
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @MethodSource("cases")
    void readsOnlyUnambiguousLiterals(String input, String expected) {
        Optional<String> canonical = IpLiteral.canonical(input);
        if (expected.equals("INVALID")) {
            assertThat(canonical).as("'%s' must not be taken for an address", input).isEmpty();
            assertThat(IpLiteral.hex(input)).isEmpty();
        } else {
            assertThat(canonical).contains(expected);
            // The canonical form reads back as itself: it is a fixed point.
            assertThat(IpLiteral.canonical(expected)).contains(expected);
        }
    }

    @Test
    void refusesNullAndOversizedText() {
        assertThat(IpLiteral.parse(null)).isEmpty();
        assertThat(IpLiteral.parse("1".repeat(101))).isEmpty();
        assertThat(IpLiteral.parse("0:".repeat(40) + ":1")).isEmpty();
    }

    @Test
    void givesFourOrSixteenBytes() {
        assertThat(IpLiteral.parse("192.0.2.1").orElseThrow()).containsExactly(192, 0, 2, 1);
        assertThat(IpLiteral.parse("2001:db8::1").orElseThrow()).hasSize(16);
    }

    @Test
    void hexMapsIpv4IntoIpv6SoRangesSortTogether() {
        assertThat(IpLiteral.hex("192.0.2.1")).contains("00000000000000000000ffffc0000201");
        assertThat(IpLiteral.hex("::ffff:192.0.2.1")).contains("00000000000000000000ffffc0000201");
        assertThat(IpLiteral.hex("2001:db8::1")).contains("20010db8000000000000000000000001");
    }

    static List<String> lines(String resource) throws IOException {
        try (InputStream in = IpLiteralTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        }
    }
}
