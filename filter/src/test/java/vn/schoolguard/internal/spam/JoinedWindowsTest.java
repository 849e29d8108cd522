package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Scanning the joined view only in {@link JoinedWindows}' stretches, after the word view was scanned whole, finds
 * the patterns a scan of the whole joined view finds: on phrases reaching exactly across a dropped space at either
 * end of its stretch, on stretches that touch or overlap, on texts of only spelled-out letters, on the hostile
 * texts and corpus texts with the shipped phrases, and on generated texts; views that are not a joined form of the
 * word view are scanned whole.
 */
class JoinedWindowsTest {

    /** The patterns of the word view and the whole joined view: the reference. */
    private static BitSet whole(PhraseAutomaton automaton, WordViews views) {
        long[] hits = automaton.hits();
        automaton.scan(views.wordBytes, views.words.length(), views.joinedBytes, 0, Budget.UNLIMITED, hits);
        automaton.scan(views.joinedBytes, views.joined.length(), Budget.UNLIMITED, hits);
        return BitSet.valueOf(hits);
    }

    /** The patterns of the word view and the joined view's stretches, as the phrase index scans them. */
    private static BitSet windowed(PhraseAutomaton automaton, WordViews views) {
        long[] hits = automaton.hits();
        automaton.scan(views.wordBytes, views.words.length(), views.joinedBytes, 0, Budget.UNLIMITED, hits);
        int[] windows = JoinedWindows.of(views.wordBytes, views.words.length(), views.joinedBytes, views.joined.length(),
                automaton.longest());
        if (windows == null) {
            automaton.scan(views.joinedBytes, views.joined.length(), Budget.UNLIMITED, hits);
        } else {
            for (int w = 0; w < windows.length; w += 2) {
                assertThat(windows[w]).isLessThan(windows[w + 1]);
                assertThat(w == 0 || windows[w] > windows[w - 1]).as("stretches apart and ascending").isTrue();
                automaton.scan(views.joinedBytes, windows[w], windows[w + 1], Budget.UNLIMITED, hits);
            }
        }
        return BitSet.valueOf(hits);
    }

    private static void assertSame(String name, PhraseAutomaton automaton, String folded) {
        WordViews views = WordViews.of(folded);
        assertThat(windowed(automaton, views)).as(name).isEqualTo(whole(automaton, views));
    }

    @Test
    void phrasesReachingExactlyAcrossADroppedSpaceAreFound() {
        // " xx ab yy " of " xx a b yy ": each phrase ends or starts right at a stretch's edge.
        List<String> patterns = List.of("xx ab", "ab yy", " xx ab yy ", "ab", "xa", "b yy", "xx a", " xx a b yy ");
        PhraseAutomaton automaton = PhraseAutomaton.of(patterns);
        WordViews views = WordViews.of("xx a b yy");
        assertThat(views.joined).isEqualTo(" xx ab yy ");
        BitSet found = windowed(automaton, views);
        assertThat(found).isEqualTo(whole(automaton, views));
        assertThat(found.stream().toArray()).containsExactly(0, 1, 2, 3, 5, 6, 7);
        for (String text : new String[] {"a b", "a b c d e f", "xx a b", "a b yy", "xx a b c yy a b", "a b xxxxxxxxxxxxxxxxxx c d"}) {
            assertSame(text, automaton, text);
        }
    }

    @Test
    void viewsThatAreNotAJoinedFormAreScannedWhole() {
        byte[] words = " ab cd ".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(JoinedWindows.of(words, words.length, " abx cd ".getBytes(StandardCharsets.ISO_8859_1), 8, 4)).isNull();
        assertThat(JoinedWindows.of(words, words.length, " ab cd  ".getBytes(StandardCharsets.ISO_8859_1), 8, 4)).isNull();
        assertThat(JoinedWindows.of(words, words.length, " abcd".getBytes(StandardCharsets.ISO_8859_1), 5, 4)).isNull();
        assertThat(JoinedWindows.of(words, words.length, words, words.length, 4)).isEmpty();
        assertThat(JoinedWindows.of(words, 0, words, 0, 4)).isEmpty();
        // Dropping a letter is not joining.
        assertThat(JoinedWindows.of(words, words.length, " a cd ".getBytes(StandardCharsets.ISO_8859_1), 6, 4)).isNull();
        // A text of spelled-out letters joins almost everywhere: the stretches would cover most of it.
        WordViews spelled = WordViews.of("g i a i n g a n ".repeat(200));
        assertThat(JoinedWindows.of(spelled.wordBytes, spelled.words.length(), spelled.joinedBytes, spelled.joined.length(), 12))
                .isNull();
    }

    @Test
    void shippedPhrasesOnHostileAndCorpusTextsAreFoundAsInTheWholeView() throws IOException {
        PhraseIndex index = new PhraseIndex(RulePack.shared(Optional.empty()).rules());
        List<String> texts = new ArrayList<>();
        BoundedScoringTest.hostileTexts().forEach((name, text) -> texts.add(text));
        for (Corpus.Item item : Corpus.read(SpamModelTrainingTest.repositoryCorpus())) {
            texts.add(item.text());
        }
        Random random = new Random(3);
        for (int n = 0; n < 300; n++) {
            StringBuilder mix = new StringBuilder();
            while (mix.length() < 3000) {
                String text = texts.get(random.nextInt(texts.size()));
                int from = random.nextInt(Math.max(1, text.length()));
                mix.append(text, from, Math.min(text.length(), from + 1 + random.nextInt(300))).append(' ');
                mix.append(random.nextBoolean() ? "n h a c a i " : random.nextBoolean() ? "x o c d i a " : "1 2 ");
            }
            texts.add(mix.toString());
        }
        PhraseAutomaton automaton = index.automaton();
        for (String text : texts) {
            String folded = TextNormalizer.fold(Analysis.visibleText(text, Budget.UNLIMITED));
            assertSame(text.substring(0, Math.min(60, text.length())), automaton, folded);
        }
    }

    @Test
    void generatedTextsOfSingleLettersAndWordsAgreeWithTheWholeView() {
        Random random = new Random(17);
        String[] tokens = {"a", "b", "c", "1", "ab", "ba", "abc", "cab", "bb", "a1", "--", ".", "ccc"};
        for (int round = 0; round < 3000; round++) {
            List<String> patterns = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(10); i++) {
                StringBuilder pattern = new StringBuilder();
                for (int k = 1 + random.nextInt(round % 4 == 0 ? 30 : 7); k > 0; k--) {
                    pattern.append(" abc1".charAt(random.nextInt(5)));
                }
                patterns.add(pattern.toString());
            }
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(round % 3 == 0 ? 200 : 25); k > 0; k--) {
                text.append(tokens[random.nextInt(tokens.length)]).append(random.nextInt(4) == 0 ? "  " : " ");
            }
            assertSame(text.toString(), PhraseAutomaton.of(patterns), text.toString());
        }
    }
}
