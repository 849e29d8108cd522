package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Links found from candidate places are those the patterns find over the whole text: link shapes and the corpus. */
class HtmlSignalsTest {

    static Stream<String> shapes() throws Exception {
        return Files.readAllLines(Path.of(HtmlSignalsTest.class.getResource("/spam/link-shapes.txt").toURI()),
                StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank() && !l.startsWith("#"));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void candidatePlacesFindWhatTheWholeTextScanFinds(String text) {
        assertSameLinks(text);
    }

    @Test
    void linksAreCountedAndTheirHostsNamed() {
        HtmlSignals signals = HtmlSignals.of("<A HREF=\"HTTP://BONG88.COM\">x</A> www.nhacai.bet", Budget.UNLIMITED);
        assertThat(signals.hosts()).containsExactly("bong88.com", "nhacai.bet");
        assertThat(signals.linkCount()).isEqualTo(2);
    }

    @Test
    void everyCorpusTextGivesTheSameLinks() throws IOException {
        Path corpus = SpamModelTrainingTest.repositoryCorpus();
        List<String> texts = new ArrayList<>();
        if (Files.isDirectory(corpus.resolve("spam"))) {
            Corpus.read(corpus).forEach(item -> texts.add(item.text()));
        }
        assertThat(texts).as("corpus texts at " + corpus.toAbsolutePath()).hasSizeGreaterThan(2000);
        texts.forEach(HtmlSignalsTest::assertSameLinks);
    }

    private static void assertSameLinks(String text) {
        HtmlSignals signals = HtmlSignals.of(text, Budget.UNLIMITED);
        List<String> hosts = new ArrayList<>();
        Matcher url = HtmlSignals.patterns().get("URL").matcher(text);
        while (url.find()) {
            hosts.add(url.group(1).toLowerCase(Locale.ROOT));
        }
        Matcher href = HtmlSignals.patterns().get("HREF").matcher(text);
        int hrefs = 0;
        while (href.find()) {
            hrefs++;
        }
        assertThat(signals.hosts()).as(text).containsExactlyElementsOf(hosts);
        assertThat(signals.linkCount()).as(text).isEqualTo(Math.max(hosts.size(), hrefs));
    }
}
