package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Domains written in disguise, and school texts that only look like one: {@code spam/spelled-domains.csv} (the
 * domains expected, comma-separated, empty for none; the text as posted).
 */
class SpelledDomainsTest {

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvFileSource(resources = "/spam/spelled-domains.csv", delimiter = '|', numLinesToSkip = 1)
    void disguisedDomainsAreReadAndGradeNumbersAreNot(String domains, String text) {
        List<String> expected = domains == null ? List.of() : Arrays.asList(domains.split(","));
        assertThat(Analysis.of(text).spelledDomains).as(text).containsExactlyElementsOf(expected);
    }
}
