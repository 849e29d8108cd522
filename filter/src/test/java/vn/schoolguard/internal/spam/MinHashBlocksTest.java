package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Signatures of long, varied texts (many distinct shingles, minima taken in blocks) and of texts around the block
 * size are those of the step-by-step definition: stored signatures stay valid.
 */
class MinHashBlocksTest {

    private static void assertStepByStep(String name, String compact) {
        int[] expected = OnePassViewsTest.stepByStepSignature(compact);
        assertThat(MinHash.signature(compact)).as(name).isEqualTo(expected);
        assertThat(MinHash.signature(compact.getBytes(StandardCharsets.ISO_8859_1), compact.length())).as(name).isEqualTo(expected);
    }

    @Test
    void longTextsOfManyCorpusTextsHaveTheStepByStepSignature() throws IOException {
        List<String> compacts = new ArrayList<>();
        for (Corpus.Item item : Corpus.read(SpamModelTrainingTest.repositoryCorpus())) {
            compacts.add(TextNormalizer.compact(TextNormalizer.fold(item.text())));
        }
        assertThat(compacts).hasSizeGreaterThan(2000);
        Random random = new Random(11);
        for (int n = 0; n < 60; n++) {
            StringBuilder text = new StringBuilder();
            int length = 500 + random.nextInt(n % 3 == 0 ? 30_000 : 8_000);
            while (text.length() < length) {
                text.append(compacts.get(random.nextInt(compacts.size())));
            }
            assertStepByStep("corpus mix " + n, text.toString());
        }
    }

    @Test
    void textsAroundTheBlockSizeHaveTheStepByStepSignature() {
        Random random = new Random(5);
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        for (int blocks = 1; blocks <= 4; blocks++) {
            for (int shingles = blocks * MinHash.BLOCK - 3; shingles <= blocks * MinHash.BLOCK + 3; shingles++) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < shingles + 4; i++) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                assertStepByStep("random " + shingles, text.toString());
                // The same shingles again: repeats kept or dropped change nothing.
                assertStepByStep("twice " + shingles, text.toString() + text);
            }
        }
    }

    @Test
    void floodsAndRepeatsThatCollideInTheTableHaveTheStepByStepSignature() {
        Random random = new Random(8);
        for (int distinct : new int[] {30, 300, 3000, 9000, 20_000}) {
            StringBuilder unit = new StringBuilder();
            for (int i = 0; i < distinct; i++) {
                unit.append((char) ('a' + random.nextInt(26)));
            }
            assertStepByStep("flood " + distinct, unit.toString().repeat(Math.max(2, 60_000 / distinct)));
        }
        assertStepByStep("one letter", "a".repeat(50_000));
        assertStepByStep("two letters", "ab".repeat(50_000));
    }
}
