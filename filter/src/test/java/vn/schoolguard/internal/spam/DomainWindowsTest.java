package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Running the domain patterns only in the windows around {@link DomainHints}' places finds what a plain find loop
 * over the whole domain view finds, in the same order and with the same cut at {@link SpamScorer#MAX_HOSTS}: on the
 * hostile texts, on matches at the very edges of a window, on windows that overlap or touch, on more domains than
 * are kept, on texts of only dots and digits, and on generated texts of labels, dots, "chấm" and top-level domains.
 */
class DomainWindowsTest {

    private static final String[] PATTERNS = {"DOTTED_TIGHT", "DOTTED_LOOSE", "SPACED"};
    private static final Pattern DOT_RUN = Pattern.compile("[ .]++");

    /** The whole-text find loop, written here on its own: the reference. */
    private static Set<String> wholeTextLoop(String plain) {
        Set<String> found = new LinkedHashSet<>();
        for (String name : PATTERNS) {
            Matcher m = Analysis.patterns().get(name).matcher(plain);
            while (m.find() && found.size() < SpamScorer.MAX_HOSTS) {
                found.add(m.group(1) + "." + DOT_RUN.matcher(m.group(2)).replaceAll("."));
            }
        }
        return found;
    }

    private static String view(String text) {
        return Analysis.domainView(TextNormalizer.fold(Analysis.visibleText(text, Budget.UNLIMITED)), Budget.UNLIMITED);
    }

    private static void assertSameAsWholeText(String name, String text) {
        String plain = view(text);
        Set<String> expected = wholeTextLoop(plain);
        assertThat(new ArrayList<>(Analysis.domains(plain, Budget.UNLIMITED, true))).as(name).containsExactlyElementsOf(expected);
        assertThat(new ArrayList<>(Analysis.domains(plain, Budget.UNLIMITED, false))).as(name).containsExactlyElementsOf(expected);
        assertThat(new ArrayList<>(Analysis.of(text).textDomains)).as(name).containsExactlyElementsOf(expected);
    }

    @Test
    void hostileTextsFindWhatTheWholeTextLoopFinds() throws IOException {
        BoundedScoringTest.hostileTexts().forEach(DomainWindowsTest::assertSameAsWholeText);
    }

    @Test
    void matchesAtTheEdgesOfTheirWindowAreFound() {
        String label42 = "a" + "b-".repeat(20) + "c";
        assertThat(label42).hasSize(42);
        Map<String, String> edges = new LinkedHashMap<>();
        // As far before the top-level domain as a match reaches (label and " cham "), and as far after ("com . vn").
        edges.put("longest loose", label42 + " chấm com . vn");
        edges.put("longest loose at start", label42 + " dot com . vn rồi");
        edges.put("longest tight", "x " + label42 + ".com.vn");
        edges.put("longest spaced", "a".repeat(12) + "7" + "b".repeat(12) + " online");
        edges.put("spaced with a betting word", "c".repeat(12) + "club vip");
        // One character too long: the 43-character label is not one, a shorter tail of it is none either.
        edges.put("label of 43", "a" + label42 + ".com");
        edges.put("label after a dash", "-" + label42 + ".com x-" + label42 + " chấm net");
        edges.put("only the domain", "go88.com");
        edges.put("domain at the very end", "xem tại go88 . vip");
        edges.put("domain at the very start", "w88.club là gì");
        edges.put("dot then space at the end", "go88. ");
        edges.put("spaced at the end", "kubet 88 win");
        edges.forEach(DomainWindowsTest::assertSameAsWholeText);
        assertThat(Analysis.of(label42 + " chấm com . vn").textDomains).containsExactly(label42 + ".com.vn");
        assertThat(Analysis.of("x " + label42 + ".com.vn").textDomains).containsExactly(label42 + ".com.vn");
    }

    @Test
    void overlappingAndTouchingWindowsFindEachMatchOnce() {
        assertSameAsWholeText("close", "a.com b.com c.net d.vip e . bet f chấm win g dot xyz 1a com 2b cc");
        assertSameAsWholeText("chained", "a.com.vn.com.net.vip.info.club.io.me.co.cc.tv.top.xyz.bet.win");
        assertSameAsWholeText("shared labels", "go88.com.vn go88 . com . vn go88 chấm com . vn go88 com");
        assertSameAsWholeText("repeated", "xo.com ".repeat(400));
        StringBuilder spaced = new StringBuilder();
        for (int gap = 0; gap < 70; gap++) {
            // Two candidates further and further apart: overlapping, touching, then separate windows.
            spaced.append("k").append(gap).append(".com").append("x".repeat(gap)).append(" m").append(gap).append(" vip ");
        }
        assertSameAsWholeText("gaps", spaced.toString());
    }

    @Test
    void moreDomainsThanAreKeptStopAtTheSameOne() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3 * SpamScorer.MAX_HOSTS; i++) {
            text.append("site").append(i).append(i % 3 == 0 ? ".com " : i % 3 == 1 ? " chấm vip " : " win ");
        }
        assertSameAsWholeText("many", text.toString());
        assertThat(Analysis.of(text.toString()).textDomains).hasSize(SpamScorer.MAX_HOSTS);
        // The cut falls in the middle of the second pattern's matches, and the third pattern adds none.
        StringBuilder mixed = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            mixed.append("t").append(i).append(".net l").append(i).append(" . vip s").append(i).append(" bet ");
        }
        assertSameAsWholeText("cut inside a pattern", mixed.toString());
    }

    @Test
    void textsOfOnlyDotsAndDigitsFindTheSame() {
        for (String text : List.of(".", "..", "1", "1.2", "1.2.3.4", ". . .", "0.co", "1.vn", "2 vip", "3 . com",
                "1.".repeat(3000), ". ".repeat(3000), "9".repeat(5000) + ".com", "1 2 3 4 5 . c o m", "..com", ".com",
                "com", " com ", "- .com", "-a.com")) {
            assertSameAsWholeText(text.length() > 20 ? text.substring(0, 20) + "…" : text, text);
        }
    }

    @Test
    void generatedTextsFindWhatTheWholeTextLoopFinds() {
        Random random = new Random(20261201);
        String[] pieces = {"go88", "kubet", "789bet", "w88", "fb88", "bong88", "club", "vip", "bet", "win", "com", "net", "vn",
            "xyz", "cc", "online", "site", "info", "io", "me", "co", "in", "la", "us", "com.vn", "com . vn", ".", ". ", " .",
            " . ", "..", " chấm ", "chấm", " dot ", "(.)", "[dot]", "-", "--", " ", "  ", "a", "b", "k", "7", "1", "2026",
            "thầy cô", "nhà cái", "uy tín", "số", "đăng ký", "\n", "<b>", "</b>", "&#46;", "&period;"};
        for (int n = 0; n < 3000; n++) {
            StringBuilder text = new StringBuilder();
            int length = n % 50 == 0 ? 4000 : 20 + random.nextInt(300);
            while (text.length() < length) {
                int pick = random.nextInt(10);
                if (pick == 0) {
                    text.append("x".repeat(random.nextInt(46)));
                } else if (pick == 1) {
                    text.append(random.nextInt(100_000));
                } else {
                    text.append(pieces[random.nextInt(pieces.length)]);
                }
            }
            assertSameAsWholeText("generated " + n + ": " + text, text.toString());
        }
    }

    @Test
    void bracketedDotsAreLookedForWhereThePatternFindsThem() throws IOException {
        Pattern bracketDot = Analysis.patterns().get("BRACKET_DOT");
        List<String> texts = new ArrayList<>(BoundedScoringTest.hostileTexts().values());
        texts.addAll(List.of("", "(", "(.)", "( . )", "(        .        )", "(         .)", "(.         )", "[dot]", "{cham}",
                "(dot", "(do)", "(cha)", "(chamx)", "(.]", "[.}", "{.)", "(\t.\n)", "(\u000b.\f)", "(\r\ndot\r\n)", "(\u00a0.)",
                "x (thu 2) y", "(c) (d) (.x)", "((.))", "[[dot]]"));
        Random random = new Random(3);
        String alphabet = "([{)]}. \t\ndotcham\u000bx";
        for (int n = 0; n < 5000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(text.toString());
        }
        for (String text : texts) {
            assertThat(Analysis.mayHaveBracketDot(text)).as(text.length() > 40 ? text.substring(0, 40) : text)
                    .isEqualTo(bracketDot.matcher(text).find());
        }
    }

    @Test
    void windowsAreInOrderApartAndInsideTheView() {
        String plain = view("a.com b.com " + "x".repeat(100) + " c . vip d.net");
        DomainHints hints = DomainHints.of(plain);
        for (int p = 0; p < PATTERNS.length; p++) {
            int[] windows = hints.windows(p, plain.length(), Analysis.MATCH_BEFORE, Analysis.MATCH_AFTER);
            assertThat(windows.length % 2).isZero();
            for (int w = 0; w < windows.length; w += 2) {
                assertThat(windows[w]).isBetween(0, windows[w + 1] - 1);
                assertThat(windows[w + 1]).isLessThanOrEqualTo(plain.length());
                if (w > 0) {
                    assertThat(windows[w]).isGreaterThan(windows[w - 1]);
                }
            }
        }
        assertThat(hints.windows(DomainHints.TIGHT, plain.length(), Analysis.MATCH_BEFORE, Analysis.MATCH_AFTER)).hasSize(4);
    }
}
