package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Skipping a domain pattern on {@link DomainHints}' word never changes what is found: on disguised domains, on
 * near misses, and on every text of the repository corpus.
 */
class DomainHintsTest {

    static Stream<String> disguises() throws Exception {
        return Files.readAllLines(Path.of(DomainHintsTest.class.getResource("/spam/domain-disguises.txt").toURI()),
                StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank() && !l.startsWith("#"));
    }

    @ParameterizedTest
    @MethodSource("disguises")
    void aSkippedPatternWouldHaveFoundNothing(String text) {
        assertSameDomains(text);
    }

    @Test
    void disguisedDomainsAreStillFound() {
        assertThat(Analysis.of("vào bong88 chấm com nhận thưởng").textDomains).contains("bong88.com");
        assertThat(Analysis.of("truy cập abc(.)vip ngay").textDomains).contains("abc.vip");
        assertThat(Analysis.of("fb88 . com . vn uy tín").textDomains).contains("fb88.com.vn");
        assertThat(Analysis.of("k8 vip tặng 100k").textDomains).contains("k8.vip");
        assertThat(Analysis.of("cơm ngon canh ngọt, thầy dạy hay").textDomains).isEmpty();
    }

    @Test
    void everyCorpusTextFindsTheSameDomainsWithAndWithoutHints() throws IOException {
        Path corpus = SpamModelTrainingTest.repositoryCorpus();
        List<String> texts = new ArrayList<>();
        if (Files.isDirectory(corpus.resolve("spam"))) {
            Corpus.read(corpus).forEach(item -> texts.add(item.text()));
        }
        assertThat(texts).as("corpus texts at " + corpus.toAbsolutePath()).hasSizeGreaterThan(2000);
        texts.forEach(DomainHintsTest::assertSameDomains);
    }

    private static void assertSameDomains(String text) {
        String plain = Analysis.domainView(TextNormalizer.fold(Analysis.visibleText(text, Budget.UNLIMITED)), Budget.UNLIMITED);
        assertThat(Analysis.domains(plain, Budget.UNLIMITED, true)).as(text)
                .containsExactlyElementsOf(Analysis.domains(plain, Budget.UNLIMITED, false));
    }
}
