package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Regression: one 60 KB anonymous post of spaces cost 41 s of CPU in a quadratic pattern. Every pattern of the
 * scorer, the shipped rule pack and the normalizer runs over the hostile texts of {@code spam/hostile-text.txt}
 * (100,000 characters each) in bounded time, and a time budget cuts scoring short as "not fully analysed".
 */
class BoundedScoringTest {

    static final int LENGTH = 100_000;
    /** Generous for a slow shared machine, far below what quadratic behaviour on 100,000 characters costs. */
    static final Duration BOUND = Duration.ofSeconds(2);
    static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    /** No budget: the patterns themselves must be linear. */
    static final SpamScorer UNBUDGETED = SpamScorer.create(settings(Duration.ofMinutes(5), LENGTH));

    static SpamSettings settings(Duration budget, int maxChars) {
        return new SpamSettings(10, 4, Optional.empty(), Set.of(), "", Duration.ofSeconds(3), maxChars, budget);
    }

    static Map<String, String> hostileTexts() throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        try (InputStream in = BoundedScoringTest.class.getResourceAsStream("/spam/hostile-text.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\|", -1);
                String prefix = unescape(f[1].trim());
                String unit = unescape(f[2].trim());
                String suffix = unescape(f[3].trim());
                StringBuilder text = new StringBuilder(LENGTH + unit.length()).append(prefix);
                while (text.length() < LENGTH - suffix.length()) {
                    text.append(unit);
                }
                text.setLength(LENGTH - suffix.length());
                texts.put(f[0].trim(), text.append(suffix).toString());
            }
        }
        return texts;
    }

    static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'f' -> out.append('\f');
                default -> out.append(n);
            }
        }
        return out.toString();
    }

    /** Every regular expression scoring uses, by name, with how it is applied. */
    static Map<String, Pattern> patterns() {
        Map<String, Pattern> all = new LinkedHashMap<>();
        Analysis.patterns().forEach((name, p) -> all.put("Analysis." + name, p));
        HtmlSignals.patterns().forEach((name, p) -> all.put("HtmlSignals." + name, p));
        SpamScorer.patterns().forEach((name, p) -> all.put("SpamScorer." + name, p));
        for (Rule rule : RulePack.load(Optional.empty()).rules()) {
            for (int i = 0; i < rule.entries().size(); i++) {
                if (rule.entries().get(i).pattern() != null) {
                    all.put("rules-vi.pack [" + rule.id() + "] #" + (i + 1), rule.entries().get(i).pattern());
                }
            }
        }
        return all;
    }

    static Stream<Arguments> patternsAndTexts() throws IOException {
        Map<String, String> texts = hostileTexts();
        List<Arguments> all = new ArrayList<>();
        patterns().forEach((name, pattern) -> texts.forEach((textName, text) -> all.add(Arguments.of(name, textName, pattern, text))));
        return all.stream();
    }

    static Stream<Arguments> texts() throws IOException {
        return hostileTexts().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("patternsAndTexts")
    void regressionEveryPatternFinishesOnHostileTextInBoundedTime(String name, String textName, Pattern pattern, String text) {
        // Every text reaches the patterns with combining-mark runs cut (regex word boundaries rescan them).
        String limited = TextNormalizer.limitMarks(text);
        assertTimeoutPreemptively(BOUND, () -> {
            if (name.contains("[domain.")) {
                // Domain rules are matched whole against host names, which are never longer than a DNS name.
                return pattern.matcher(limited.substring(0, Math.min(limited.length(), SpamScorer.MAX_HOST_LENGTH))).matches() ? 1 : 0;
            }
            Matcher m = pattern.matcher(limited);
            int found = 0;
            while (m.find()) {
                found++;
            }
            return found;
        }, () -> name + " is not linear on " + textName);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void regressionNormalizerFinishesOnHostileTextInBoundedTime(String textName, String text) {
        assertTimeoutPreemptively(BOUND, () -> {
            String folded = TextNormalizer.fold(text);
            TextNormalizer.joined(TextNormalizer.words(folded));
            TextNormalizer.compact(TextNormalizer.stableFold(text));
            TextNormalizer.compactHost(text);
            return TextNormalizer.limitMarks(text);
        }, () -> "normalizing " + textName);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void regressionScoringHostileTextFinishesInBoundedTimeWithoutABudget(String textName, String text) {
        ScoringInput input = new ScoringInput("comments", Map.of("content", text, "author", text), text, "x@" + text, text, "",
                NOW, Optional.empty());
        SpamScore score = assertTimeoutPreemptively(BOUND, () -> UNBUDGETED.score(input), () -> "scoring " + textName);
        assertThat(score.reasons()).extracting(Reason::detail).noneMatch(d -> d.contains("spam.time-budget"));
        assertTimeoutPreemptively(BOUND, () -> SpamScorer.hosts(input), () -> "hosts of " + textName);
        assertTimeoutPreemptively(BOUND, () -> SpamScorer.fingerprint(input), () -> "fingerprint of " + textName);
    }

    @Test
    void regressionAPostOfSixtyThousandSpacesIsScoredQuickly() {
        String attack = " ".repeat(60_000) + "nhà cái uy tín (.) go88 (.) vip";
        SpamScore score = assertTimeoutPreemptively(BOUND, () -> UNBUDGETED.score(ScoringInput.ofText(attack, "", "", "", NOW)));
        assertThat(score.verdict()).isEqualTo(Verdict.SPAM);
    }

    @Test
    void tinyTimeBudgetHoldsSpamAsSuspectNotFullyAnalysed() {
        SpamScorer hurried = SpamScorer.create(settings(Duration.ofNanos(1), LENGTH));
        String spam = "Nhà cái uy tín số 1, nổ hũ đổi thưởng, link vào go88 chấm vip ".repeat(500);
        SpamScore score = assertTimeoutPreemptively(BOUND, () -> hurried.score(ScoringInput.ofText(spam, "", "", "", NOW)));
        assertThat(score.verdict()).as("never spam without a full analysis").isEqualTo(Verdict.SUSPECT);
        assertThat(score.reasons()).extracting(Reason::rule).contains(SpamScorer.INCOMPLETE_RULE);
        assertThat(score.reasons()).filteredOn(r -> r.rule().equals(SpamScorer.INCOMPLETE_RULE)).extracting(Reason::detail)
                .singleElement().asString().startsWith("not fully analysed");
        assertThat(UNBUDGETED.score(ScoringInput.ofText(spam, "", "", "", NOW)).verdict()).isEqualTo(Verdict.SPAM);
    }

    @Test
    void tinyTimeBudgetHoldsCleanTextAsSuspectNotFullyAnalysed() {
        SpamScorer hurried = SpamScorer.create(settings(Duration.ofNanos(1), LENGTH));
        String clean = "Cảm ơn thầy cô đã tổ chức buổi họp phụ huynh rất chu đáo. ".repeat(500);
        SpamScore score = hurried.score(ScoringInput.ofText(clean, "", "", "", NOW));
        assertThat(score.verdict()).as("never clean without a full analysis").isEqualTo(Verdict.SUSPECT);
        assertThat(score.reasons()).extracting(Reason::rule).contains(SpamScorer.INCOMPLETE_RULE);
    }

    @Test
    void budgetInterruptsASlowSiteRuleMidMatch() throws IOException {
        java.nio.file.Path rules = java.nio.file.Files.createTempFile("slow-rule", ".pack");
        try {
            // A site rule that backtracks polynomially (degree five) on a run of letters without a match.
            java.nio.file.Files.writeString(rules, "[site.slow]\nkind = pattern\nweight = 12\n- a*a*a*a*a*b\n");
            SpamScorer scorer = SpamScorer.create(settings(Duration.ofMillis(100), LENGTH).withRulesFile(rules));
            SpamScore score = assertTimeoutPreemptively(BOUND, () -> scorer.score(ScoringInput.ofText("a".repeat(3000), "", "", "", NOW)));
            assertThat(score.verdict()).isEqualTo(Verdict.SUSPECT);
            assertThat(score.reasons()).extracting(Reason::rule).contains(SpamScorer.INCOMPLETE_RULE);
        } finally {
            java.nio.file.Files.deleteIfExists(rules);
        }
    }

    @Test
    void textBeyondTheAnalysedLengthIsHeldAsSuspectNotFullyAnalysed() {
        SpamScorer capped = SpamScorer.create(settings(Duration.ofMinutes(5), 1000));
        String text = "Cảm ơn thầy cô. ".repeat(100) + "nhà cái uy tín nổ hũ đổi thưởng go88";
        SpamScore score = capped.score(ScoringInput.ofText(text, "", "", "", NOW));
        assertThat(score.verdict()).isEqualTo(Verdict.SUSPECT);
        assertThat(score.reasons()).filteredOn(r -> r.rule().equals(SpamScorer.INCOMPLETE_RULE)).extracting(Reason::detail)
                .singleElement().asString().contains("not fully analysed").contains("1000");
        assertThat(capped.score(ScoringInput.ofText("Cảm ơn thầy cô.", "", "", "", NOW)).verdict()).isEqualTo(Verdict.CLEAN);
    }
}
