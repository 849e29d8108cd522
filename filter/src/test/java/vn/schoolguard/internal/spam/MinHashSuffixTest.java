package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The signature of a text worked out from the signature of a suffix (a tail read after a shorter one) is its
 * step-by-step signature: for suffixes of every length from the shortest signed one to the whole text, heads of
 * zero to a few shingles, heads around the block size, floods that repeat the suffix's shingles, and nested tails
 * of corpus and hostile texts as the scorer reads them.
 */
class MinHashSuffixTest {

    private static void assertExtends(String name, String compact, int suffixLength) {
        byte[] bytes = compact.getBytes(StandardCharsets.ISO_8859_1);
        int[] suffix = MinHash.signature(compact.substring(compact.length() - suffixLength));
        assertThat(suffix).as(name).isNotNull();
        assertThat(MinHash.signature(bytes, bytes.length, suffix, suffixLength)).as("%s from %d", name, suffixLength)
                .isEqualTo(OnePassViewsTest.stepByStepSignature(compact));
    }

    @Test
    void everySuffixLengthGivesTheStepByStepSignature() {
        Random random = new Random(23);
        for (int round = 0; round < 40; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = MinHash.MIN_LENGTH + random.nextInt(round % 4 == 0 ? 1200 : 90); i > 0; i--) {
                text.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(random.nextInt(round % 3 == 0 ? 3 : 36)));
            }
            String compact = text.toString();
            for (int suffix = MinHash.MIN_LENGTH; suffix <= compact.length(); suffix += 1 + (compact.length() > 200 ? 17 : 0)) {
                assertExtends("random " + round, compact, suffix);
            }
            assertExtends("whole " + round, compact, compact.length());
            if (compact.length() > MinHash.MIN_LENGTH) {
                assertExtends("one more " + round, compact, compact.length() - 1);
            }
        }
    }

    @Test
    void headsAroundTheBlockSizeAndFloodsGiveTheStepByStepSignature() {
        Random random = new Random(29);
        StringBuilder unit = new StringBuilder();
        for (int i = 0; i < 700; i++) {
            unit.append((char) ('a' + random.nextInt(26)));
        }
        String tail = unit.substring(0, 300);
        for (int head = MinHash.BLOCK - 3; head <= 3 * MinHash.BLOCK + 3; head += head < MinHash.BLOCK + 3 ? 1 : MinHash.BLOCK - 3) {
            assertExtends("head " + head, unit.substring(300, 300 + Math.min(400, head)) + "x".repeat(Math.max(0, head - 400)) + tail,
                    tail.length());
        }
        // The head repeats the suffix's shingles (a flood of one paragraph): they change no minimum.
        assertExtends("flood", tail.repeat(40), tail.length());
        assertExtends("one letter", "a".repeat(5000), MinHash.MIN_LENGTH);
    }

    @Test
    void nestedTailsOfCorpusAndHostileTextsGiveTheStepByStepSignature() throws IOException {
        List<String> texts = new ArrayList<>();
        for (Corpus.Item item : Corpus.read(SpamModelTrainingTest.repositoryCorpus())) {
            texts.add(item.text());
        }
        Map<String, String> hostile = BoundedScoringTest.hostileTexts();
        hostile.values().forEach(text -> texts.add(text.substring(0, Math.min(text.length(), 4000))));
        Random random = new Random(31);
        for (int n = 0; n < 400; n++) {
            StringBuilder post = new StringBuilder();
            while (post.length() < 2000) {
                post.append(texts.get(random.nextInt(texts.size()))).append(random.nextBoolean() ? "\n" : ". ");
            }
            String raw = post.toString();
            String shorter = null;
            for (int start : Tails.starts(raw)) {
                String compact = Analysis.of(raw.substring(start)).compact;
                if (shorter != null && compact.endsWith(shorter) && shorter.length() >= MinHash.MIN_LENGTH) {
                    assertExtends("post " + n + " tail " + start, compact, shorter.length());
                }
                shorter = compact;
            }
        }
    }
}
