package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hostile input never hangs or exhausts memory, and the moderator is told why a score looks the way it does. */
class SpamBadInputTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    /** Without a time budget (tested in BoundedScoringTest), so that what is found does not depend on the machine. */
    private static final SpamScorer SCORER = SpamScorer.create(new SpamSettings(10, 4, Optional.empty(), java.util.Set.of(), "",
            java.time.Duration.ofSeconds(3), SpamSettings.DEFAULT_MAX_ANALYSED_CHARS, java.time.Duration.ofMinutes(5)));

    private static SpamScore score(String text) {
        return SCORER.score(new ScoringInput("comments", Map.of("content", text), "", "", "", "", NOW, Optional.empty()));
    }

    private static boolean has(SpamScore score, String rule) {
        return score.reasons().stream().anyMatch(reason -> reason.rule().equals(rule));
    }

    @Test
    @Timeout(10)
    void oneMegabyteOfNestedTagsIsMarkedTooLargeAndScoredInBoundedTime() {
        String nested = "<div><span><b>".repeat(1024 * 1024 / 15) + "nổ hũ đổi thưởng";
        SpamScore score = score(nested);
        assertThat(has(score, "input.too-large")).isTrue();
        assertThat(score.verdict()).isNotEqualTo(Verdict.CLEAN);
    }

    @Test
    @Timeout(10)
    void oneHundredThousandLinksAreCountedAsAFloodInBoundedTime() {
        SpamScore score = score("<a href=\"https://x.example/p\">x</a>\n".repeat(100_000));
        assertThat(has(score, "links.flood")).isTrue();
        assertThat(has(score, "input.too-large")).isTrue();
        assertThat(score.verdict()).isEqualTo(Verdict.SPAM);
    }

    @Test
    @Timeout(10)
    void loneSurrogatesAndReplacementCharactersAreReportedAndDoNotHideSpam() {
        SpamScore score = score("n\uD800h\uFFFDà cái uy tín \uDC00 nổ hũ đổi thưởng");
        assertThat(has(score, "input.bad-encoding")).isTrue();
        assertThat(score.reasons()).filteredOn(reason -> reason.rule().equals("input.bad-encoding"))
                .extracting(Reason::detail).containsExactly("Undecodable characters / Ký tự lỗi mã hóa: 3 undecodable characters");
        assertThat(has(score, "gambling.promo")).isTrue();
    }

    @Test
    @Timeout(10)
    void pathologicalUnicodeIsHandledInBoundedTime() {
        StringBuilder zalgo = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            zalgo.append((char) (0x0300 + i % 0x70));
        }
        String[] inputs = {
                "a" + zalgo,                                   // one base letter with 200,000 combining marks
                "\u200B".repeat(300_000) + "nhà cái",          // zero-width flood
                "\uFDFA".repeat(50_000),                       // the longest NFKC expansion
                "\uD83D\uDE00".repeat(100_000),                // astral characters
                "\u202E".repeat(100_000) + "piv.88og",         // bidi overrides
                "k ".repeat(200_000),                          // endless single letters to join
                "a.".repeat(200_000) + "com",                  // endless domain labels
                "&#x200B;".repeat(100_000),                     // entity flood
                "<".repeat(500_000) + ">".repeat(500_000),      // unbalanced brackets
        };
        for (String input : inputs) {
            SpamScore score = score(input);
            assertThat(score.score()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void emptyAndBlankInputAreClean() {
        assertThat(score("").verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(score("   \n\t").reasons()).isEmpty();
    }
}
