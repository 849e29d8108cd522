package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class PhraseAutomatonTest {

    @Test
    void findsOverlappingNestedAndRepeatedPatterns() {
        PhraseAutomaton automaton = PhraseAutomaton.of(List.of("he", "she", "his", "hers", "she"));
        BitSet found = automaton.find("ushers");
        assertThat(found.stream().toArray()).containsExactly(0, 1, 3, 4);
    }

    @Test
    void wordFormsNeedTheirSpacesAndRunTogetherFormsDoNot() {
        PhraseAutomaton automaton = PhraseAutomaton.of(List.of(" nha cai ", "nhacaiuytin", " cai "));
        assertThat(automaton.find(" vao nha cai nay ").stream().toArray()).containsExactly(0, 2);
        assertThat(automaton.find(" nhacai ").stream().toArray()).isEmpty();
        assertThat(automaton.find("xnhacaiuytinx").stream().toArray()).containsExactly(1);
    }

    @Test
    void hostileCharactersResetTheMatchAndNeverThrow() {
        PhraseAutomaton automaton = PhraseAutomaton.of(List.of("ab", "", "a\u0301b", "A"));
        assertThat(automaton.find("a\u0000b ab \uD800 \uFFFF").stream().toArray()).containsExactly(0);
        assertThat(automaton.find("").isEmpty()).isTrue();
        assertThat(automaton.patterns()).isEqualTo(4);
    }

    @Test
    void agreesWithStringContainsOnRandomPatternsAndTexts() {
        Random random = new Random(42);
        String alphabet = "ab c";
        for (int round = 0; round < 200; round++) {
            List<String> patterns = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(12); i++) {
                patterns.add(randomText(random, alphabet, 1 + random.nextInt(5)));
            }
            String text = randomText(random, alphabet, random.nextInt(60));
            BitSet found = PhraseAutomaton.of(patterns).find(text);
            for (int i = 0; i < patterns.size(); i++) {
                assertThat(found.get(i)).as("%s in %s", patterns.get(i), text).isEqualTo(text.contains(patterns.get(i)));
            }
        }
    }

    @Test
    void laneScansOfBytesFindWhatStringContainsFindsAcrossEveryCut() {
        Random random = new Random(7);
        String alphabet = "ab c\u00e9";
        for (int round = 0; round < 3000; round++) {
            List<String> patterns = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(12); i++) {
                patterns.add(randomText(random, alphabet, 1 + random.nextInt(round % 3 == 0 ? 40 : 6)));
            }
            String first = randomText(random, alphabet, random.nextInt(round % 2 == 0 ? 300 : 20));
            String second = randomText(random, alphabet, round % 5 == 0 ? 0 : random.nextInt(200));
            PhraseAutomaton automaton = PhraseAutomaton.of(patterns);
            BitSet both = new BitSet();
            automaton.scan(PhraseAutomaton.bytesOf(first), first.length(), PhraseAutomaton.bytesOf(second), second.length(),
                    Budget.UNLIMITED, both);
            BitSet one = new BitSet();
            automaton.scan(PhraseAutomaton.bytesOf(first), first.length(), Budget.UNLIMITED, one);
            for (int i = 0; i < patterns.size(); i++) {
                String pattern = patterns.get(i);
                boolean matchable = pattern.chars().allMatch(c -> PhraseAutomaton.symbol((char) c) >= 0);
                assertThat(both.get(i)).as("%s in %s | %s", pattern, first, second)
                        .isEqualTo(matchable && (first.contains(pattern) || second.contains(pattern)));
                assertThat(one.get(i)).as("%s in %s", pattern, first).isEqualTo(matchable && first.contains(pattern));
            }
        }
    }

    @Test
    void scanIsLinearOnAMillionCharactersOfNearMatches() {
        List<String> patterns = new ArrayList<>();
        for (int i = 1; i < 200; i++) {
            patterns.add("a".repeat(i) + "b");
        }
        PhraseAutomaton automaton = PhraseAutomaton.of(patterns);
        String text = "a".repeat(1_000_000);
        BitSet found = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> automaton.find(text));
        assertThat(found.isEmpty()).isTrue();
    }

    private static String randomText(Random random, String alphabet, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
