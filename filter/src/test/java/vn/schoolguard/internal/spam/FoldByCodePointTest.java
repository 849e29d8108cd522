package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Folding code point by code point gives what folding the whole normalized text gives: for every code point that
 * decomposes or is a mark (and a sample of the others), between letters and among combining marks, for long mark runs, and for every corpus text, with and without
 * lookalike skeletons (fingerprints, which use the stable form, must never change).
 */
class FoldByCodePointTest {

    @Test
    void codePointsThatDecomposeOrAreMarksFoldInContextAsTheWholeTextDoes() {
        List<String> mismatches = new ArrayList<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            // Unassigned and private-use code points have no decomposition; surrogates are checked on their own below.
            int type = Character.getType(cp);
            if (type == Character.UNASSIGNED || type == Character.PRIVATE_USE) {
                continue;
            }
            String c = new String(Character.toChars(cp));
            // Those that decompose, marks and format characters are where folding could differ; others are sampled.
            boolean decomposes = !Normalizer.isNormalized(c, Normalizer.Form.NFKD);
            boolean mark = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK || type == Character.FORMAT;
            if (!decomposes && !mark && cp % 31 != 0) {
                continue;
            }
            for (String text : new String[] {"a" + c + "b", "e\u0323" + c + "\u0302\u0301"}) {
                check(text, mismatches);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void longRunsOfMarksAndMixedScriptsFoldTheSame() {
        List<String> mismatches = new ArrayList<>();
        check("a" + "\u0301".repeat(5000) + "b", mismatches);
        check("Đ\u0110\u00d0ꞌ𝒩𝒽à 𝒸á𝒾 ＢＯＮＧ８８ ｃｏｍ ⓑⓞⓝⓖ \u200bnhà\u200c cái\ufeff 🎰", mismatches);
        check("\ud800 lone \udc00 surrogates \ud83c", mismatches);
        check("ǅǈǋ ﬁﬂ ㎏ ℌℑ Ⅻ ½ ＠", mismatches);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void everyCorpusTextFoldsTheSame() throws IOException {
        Path corpus = SpamModelTrainingTest.repositoryCorpus();
        List<String> mismatches = new ArrayList<>();
        int texts = 0;
        if (Files.isDirectory(corpus.resolve("spam"))) {
            for (Corpus.Item item : Corpus.read(corpus)) {
                check(item.text(), mismatches);
                texts++;
            }
        }
        assertThat(texts).isGreaterThan(2000);
        assertThat(mismatches).isEmpty();
    }

    private static void check(String text, List<String> mismatches) {
        for (boolean lookalikes : new boolean[] {true, false}) {
            String folded = lookalikes ? TextNormalizer.fold(text) : TextNormalizer.stableFold(text);
            if (!folded.equals(wholeText(text, lookalikes)) && mismatches.size() < 20) {
                mismatches.add(text.codePoints().limit(8).mapToObj(Integer::toHexString).toList() + " lookalikes=" + lookalikes);
            }
        }
    }

    /** The earlier algorithm: marks limited, NFKC then NFD over the whole text, then each code point's own form. */
    private static String wholeText(String text, boolean lookalikes) {
        String decomposed = Normalizer.normalize(Normalizer.normalize(TextNormalizer.limitMarks(text), Normalizer.Form.NFKC),
                Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder();
        decomposed.codePoints().forEach(cp -> out.append(TextNormalizer.foldOne(cp, lookalikes)));
        return out.toString();
    }
}
