package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An ad drowned in ordinary text, before it or after it, repeated or varied, up to the analysis limit: the n-grams
 * of the padding outweigh the ad's, but its rule hits and promotion target do not fade, and it is never clean.
 */
class PaddedAdTest {

    private static final SpamScorer SCORER = SpamScorer.create(SpamSettings.defaults());
    private static String varied;

    @BeforeAll
    static void ordinaryText() throws IOException {
        StringBuilder text = new StringBuilder();
        for (Corpus.Item item : Corpus.read(SpamModelTrainingTest.repositoryCorpus())) {
            if (!item.spam() && !item.hard() && text.length() < 20_000) {
                text.append(item.text()).append('\n');
            }
        }
        varied = text.toString();
    }

    static Stream<Arguments> paddedAds() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (String ad : Files.readAllLines(Path.of("src/test/resources/spam/padded-ads.txt"), StandardCharsets.UTF_8)) {
            if (ad.isBlank() || ad.startsWith("#")) {
                continue;
            }
            String[][] paddings = {{"x", " x".repeat(20_000)}, {"hay quá", " hay quá".repeat(3_000)},
                {"emoji", " 👍".repeat(5_000)}, {"line breaks", "\n.".repeat(10_000)}, {"varied", "VARIED"}};
            for (String[] padding : paddings) {
                cases.add(Arguments.of(padding[0] + " after", ad, "", padding[1]));
                cases.add(Arguments.of(padding[0] + " before", ad, padding[1], ""));
                cases.add(Arguments.of(padding[0] + " around", ad, padding[1], padding[1]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("paddedAds")
    void aPaddedAdIsNeverClean(String padding, String ad, String before, String after) {
        String text = before.replace("VARIED", varied) + "\n" + ad + "\n" + after.replace("VARIED", varied);
        assertThat(SCORER.score(SpamTraining.input(text)).verdict()).as(padding).isNotEqualTo(Verdict.CLEAN);
    }
}
