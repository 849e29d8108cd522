package vn.schoolguard.internal.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Address blocks: every case of {@code net/cidrs.tsv} — canonical form, members and non-members. */
class CidrTest {

    static List<Arguments> cases() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (String line : IpLiteralTest.lines("/net/cidrs.tsv")) {
            String[] columns = line.split("\t", -1);
            List<String> probes = columns.length > 2 && !columns[2].isBlank() ? List.of(columns[2].trim().split(" ")) : List.of();
            cases.add(Arguments.of(columns[0], columns[1], probes));
        }
        return cases;
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @MethodSource("cases")
    void parsesStrictlyAndMatchesItsMembers(String input, String expected, List<String> probes) {
        Optional<Cidr> cidr = Cidr.parse(input);
        if (expected.equals("INVALID")) {
            assertThat(cidr).as("'%s' must not be taken for a block", input).isEmpty();
            return;
        }
        assertThat(cidr).map(Cidr::toString).contains(expected);
        for (String probe : probes) {
            String address = probe.substring(1);
            assertThat(cidr.get().contains(address)).as("%s contains %s", expected, address).isEqualTo(probe.startsWith("+"));
        }
    }

    @Test
    void hexRangeSpansTheBlock() {
        assertThat(Cidr.parse("192.0.2.0/24").orElseThrow().hexRange())
                .containsExactly("00000000000000000000ffffc0000200", "00000000000000000000ffffc00002ff");
    }

    @Test
    void blocksWithTheSameNetworkAreEqual() {
        assertThat(Cidr.parse("10.1.2.3/8")).isEqualTo(Cidr.parse("10.0.0.0/8"));
        assertThat(Cidr.parse("10.0.0.0/8")).isNotEqualTo(Cidr.parse("10.0.0.0/9"));
    }

    @Test
    void nonAddressesAreNeverMembers() {
        Cidr all = Cidr.parse("0.0.0.0/0").orElseThrow();
        assertThat(all.contains("localhost")).isFalse();
        assertThat(all.contains("2130706433")).isFalse();
    }
}
