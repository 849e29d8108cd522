package vn.schoolguard.internal.inject;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Policies against the EMC tracker, from the table in inject/csp-cases.txt. */
class TrackerPolicyTest {

    static final String BOOTSTRAP = "var _govaq=window._govaq||[];_govaq.push(['trackPageView']);";
    private static final TrackerPolicy TRACKER = TrackerPolicy.of("https://f-emc.ngsp.gov.vn", BOOTSTRAP);

    static Stream<Arguments> cases() throws Exception {
        String hash = "sha256-" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(BOOTSTRAP.getBytes(StandardCharsets.UTF_8)));
        List<Arguments> cases = new ArrayList<>();
        for (String line : fixtureLines()) {
            String[] parts = line.split("\\|", 4);
            cases.add(Arguments.of(parts[0].trim(), parts[1].trim(), parts[2].trim(),
                    parts.length < 4 ? "" : parts[3].trim().replace("{hash}", hash)));
        }
        return cases.stream();
    }

    private static List<String> fixtureLines() throws IOException {
        return ImplantScannerTest.fixture("csp-cases.txt").lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    @ParameterizedTest(name = "{0} ({1}, nonce {2}): {3}")
    @MethodSource("cases")
    void policyAllowsOrBlocksTheTrackerAsABrowserWould(String expected, String source, String nonce, String policy) {
        List<TrackerPolicy.Block> blocks = TRACKER.blocks(policy, source.equals("header"),
                nonce.equals("-") ? Optional.empty() : Optional.of(nonce), "https://thpt.example.edu.vn");
        List<String> blocked = blocks.stream().map(b -> b.blocked().key()).toList();
        if (expected.equals("runs")) {
            assertThat(blocked).as("blocks").isEmpty();
        } else {
            assertThat(String.join(",", blocked)).isEqualTo(expected.substring("blocked:".length()));
            assertThat(blocks).allSatisfy(b -> assertThat(b.directive()).isNotBlank());
        }
    }
}
