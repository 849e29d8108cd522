package vn.schoolguard.internal.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class PosterLocalesTest {

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(resources = "/replay/accept-language.csv", delimiter = '|', commentCharacter = '#', quoteCharacter = '`')
    void replayedLocalesComeFromThePostersHeaderOrTheServerDefault(String header, String expected) {
        List<String> tags = PosterLocales.of(List.of(header)).stream().map(Locale::toLanguageTag).toList();
        List<String> want = expected.equals("DEFAULT") ? List.of(Locale.getDefault().toLanguageTag()) : Arrays.asList(expected.split(","));
        assertThat(tags).as(header).isEqualTo(want);
    }

    @Test
    void withoutTheHeaderTheServerDefault() {
        assertThat(PosterLocales.of(List.of())).containsExactly(Locale.getDefault());
    }

    @Test
    void aHugeHeaderGivesAtMostTwentyLocales() {
        String header = String.join(",", java.util.stream.IntStream.range(0, 200).mapToObj(i -> "x" + (char) ('a' + i % 26) + (char) ('a' + i / 26)).toList());
        assertThat(PosterLocales.of(List.of(header))).hasSize(20);
    }
}
