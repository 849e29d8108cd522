package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import vn.schoolguard.internal.hash.Sha256;

/**
 * The one-pass forms of scoring give exactly what the earlier step-by-step forms gave, on every corpus text, every
 * hostile text and hand-made edge cases: the word, joined and run-together views, the domain view, tags taken out,
 * the fingerprint, the top-level-domain lookup and the shortcut past combining marks. The earlier forms live here.
 */
class OnePassViewsTest {

    /** The tag pattern the scorer used before {@link Tags}. */
    private static final Pattern TAG = Pattern.compile("<[^<>]{0,2000}>");

    static Map<String, String> texts() throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        Path corpus = SpamModelTrainingTest.repositoryCorpus();
        if (Files.isDirectory(corpus.resolve("spam"))) {
            for (Corpus.Item item : Corpus.read(corpus)) {
                texts.put("corpus " + texts.size(), item.text());
            }
        }
        assertThat(texts).as("corpus texts at " + corpus.toAbsolutePath()).hasSizeGreaterThan(2000);
        BoundedScoringTest.hostileTexts().forEach((name, text) -> texts.put("hostile " + name, text));
        for (String line : Files.readAllLines(Path.of("src/test/resources/spam/domain-disguises.txt"), StandardCharsets.UTF_8)) {
            texts.put("disguise " + texts.size(), line);
        }
        edgeCases().forEach(text -> texts.put("edge " + texts.size(), text));
        return texts;
    }

    /** Tags at the pattern's bound, surrogate pairs inside tags, lone surrogates, nested and unclosed brackets. */
    private static List<String> edgeCases() {
        List<String> cases = new ArrayList<>(List.of("", " ", "a", "a b", " a b c ", "k u w i n . c o m", "ab c d ef g",
                "<", ">", "<>", "<<>>", "a<b>c", "<a <b>>", "x<y", "<\n>", "\ud83c\udfb0<\ud83c\udfb0>\ud83c\udfb0",
                "<\ud800>", "<\udc00\ud800>", "<p>NHÀ CÁI</p> uy tín", "&amp;<b>&#x41;</b>", "go88 (.) com", "1 2 3 4 5"));
        String pair = "\ud83c\udfb0";
        for (int inside : new int[] {1999, 2000, 2001}) {
            cases.add("a<" + "x".repeat(inside) + ">b");
            cases.add("a<" + pair.repeat(inside) + ">b");
            cases.add("a<" + pair.repeat(inside - 1) + "\ud800>b");
            cases.add("<" + "x".repeat(inside) + "<" + "y".repeat(10) + ">");
        }
        Random random = new Random(42);
        String alphabet = "ab .-<>&;#\ud83c\udfb0\ud800\u0301đĐ (cham)[dot]{x}1AÀ\n\t";
        for (int n = 0; n < 2000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            cases.add(text.toString());
        }
        return cases;
    }

    @Test
    void theOnePassWordJoinedAndCompactViewsAreTheStepByStepOnes() throws IOException {
        List<String> mismatches = new ArrayList<>();
        texts().forEach((name, text) -> {
            for (String folded : new String[] {TextNormalizer.fold(Analysis.visibleText(text, Budget.UNLIMITED)), text}) {
                WordViews views = WordViews.of(folded);
                String words = TextNormalizer.words(folded);
                if (!views.words.equals(words) || !views.joined.equals(TextNormalizer.joined(words))
                        || !views.compact.equals(TextNormalizer.compact(folded))) {
                    mismatches.add(name);
                }
            }
        });
        assertThat(mismatches).isEmpty();
    }

    @Test
    void theOnePassDomainViewIsTheStepByStepOne() throws IOException {
        List<String> mismatches = new ArrayList<>();
        texts().forEach((name, text) -> {
            String folded = TextNormalizer.fold(Analysis.visibleText(text, Budget.UNLIMITED));
            for (String input : new String[] {folded, text}) {
                if (!Analysis.domainView(input, Budget.UNLIMITED).equals(stepByStepDomainView(input))) {
                    mismatches.add(name);
                }
            }
        });
        assertThat(mismatches).isEmpty();
    }

    @Test
    void tagsAreTakenOutAsThePatternTookThemOut() throws IOException {
        List<String> mismatches = new ArrayList<>();
        texts().forEach((name, text) -> {
            if (!Tags.strip(text, Budget.UNLIMITED).equals(TAG.matcher(text).replaceAll(" "))) {
                mismatches.add(name);
            }
        });
        assertThat(mismatches).isEmpty();
    }

    @Test
    void theFingerprintIsTheStepByStepOne() throws IOException {
        List<String> mismatches = new ArrayList<>();
        texts().forEach((name, text) -> {
            String compact = TextNormalizer.compact(TextNormalizer.stableFold(text));
            if (!new String(TextNormalizer.compactStableFold(text), StandardCharsets.ISO_8859_1).equals(compact)
                    || !SpamScorer.fingerprint(text).equals(stepByStepFingerprint(text))) {
                mismatches.add(name);
            }
        });
        assertThat(mismatches).isEmpty();
        // Pinned values: a fingerprint never changes across releases.
        assertThat(SpamScorer.fingerprint("<b>NHÀ CÁI</b> uy tín")).isEqualTo("fp1:" + Sha256.hex("nhacaiuytin").substring(0, 32));
    }

    @Test
    void topLevelDomainsAreFoundByCodeAsByName() {
        Random random = new Random(7);
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        List<String> words = new ArrayList<>(Analysis.TLDS);
        words.addAll(List.of("co", "com", "comm", "cm", "vn", "nv", "onlin", "online", "onlinee", "a", "zzzzzz", "999999"));
        for (int n = 0; n < 200_000; n++) {
            StringBuilder word = new StringBuilder();
            for (int i = 1 + random.nextInt(Analysis.LONGEST_TLD); i > 0; i--) {
                word.append(alphabet.charAt(random.nextInt(random.nextBoolean() ? 26 : alphabet.length())));
            }
            words.add(word.toString());
        }
        for (String word : words) {
            long code = DomainHints.code(word, 0, word.length());
            assertThat(DomainHints.isTld(code)).as(word).isEqualTo(Analysis.TLDS.contains(word));
            assertThat(DomainHints.isSafeTld(code)).as(word).isEqualTo(Analysis.SAFE_TLDS.contains(word));
        }
    }

    @Test
    void noCharacterBelowTheFirstCombiningMarkIsAMark() {
        for (char c = 0; c < TextNormalizer.FIRST_MARK; c++) {
            int type = Character.getType(c);
            assertThat(type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK).as("U+%04X", (int) c).isFalse();
        }
    }

    /** The domain view as it was built: brackets replaced, kept characters with single spaces, then joined. */
    private static String stepByStepDomainView(String folded) {
        boolean bracket = folded.indexOf('(') >= 0 || folded.indexOf('[') >= 0 || folded.indexOf('{') >= 0;
        String text = bracket ? Analysis.patterns().get("BRACKET_DOT").matcher(folded).replaceAll(" . ") : folded;
        StringBuilder dotted = new StringBuilder(text.length() + 2).append(' ');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
            if (keep) {
                dotted.append(c);
            } else if (dotted.charAt(dotted.length() - 1) != ' ') {
                dotted.append(' ');
            }
        }
        dotted.append(' ');
        return TextNormalizer.joined(dotted.toString());
    }

    private static String stepByStepFingerprint(String text) {
        String stripped = text.indexOf('<') < 0 ? text : TAG.matcher(text).replaceAll(" ");
        return "fp1:" + Sha256.hex(TextNormalizer.compact(TextNormalizer.stableFold(stripped))).substring(0, 32);
    }
}
