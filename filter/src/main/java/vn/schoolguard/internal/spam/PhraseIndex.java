package vn.schoolguard.internal.spam;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every phrase entry of a rule pack (phrase and awareness rules) in one {@link PhraseAutomaton}: its word form
 * ({@code " nha cai uy tin "}) and, when long enough, its run-together form ({@code "nhacaiuytin"}), both
 * reporting the same entry. One scan of the word, joined and compact views answers every phrase rule.
 */
final class PhraseIndex {

    private final PhraseAutomaton automaton;
    /** Pattern index → entry number. */
    private final int[] entryOfPattern;
    /** First entry number of each indexed rule. */
    private final Map<Rule, Integer> offsets = new IdentityHashMap<>();
    private final int entries;
    /** Per pattern rule with {@code needs}: its first and one-past-last entry numbers. */
    private final Map<Rule, int[]> needOffsets = new IdentityHashMap<>();
    /** Entry number of the first phrase of each cue, then one past the last. */
    private final int[] cueOffsets = new int[Cue.values().length + 1];

    PhraseIndex(List<Rule> rules) {
        List<String> patterns = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        int entry = 0;
        for (Rule rule : rules) {
            if (rule.kind() != RuleKind.PHRASE && rule.kind() != RuleKind.AWARENESS) {
                continue;
            }
            offsets.put(rule, entry);
            for (Rule.Entry e : rule.entries()) {
                // A blank word form never matched; its run-together form is blank too.
                if (!e.words().isBlank()) {
                    patterns.add(e.words());
                    owners.add(entry);
                    if (!e.compact().isEmpty()) {
                        patterns.add(e.compact());
                        owners.add(entry);
                    }
                }
                entry++;
            }
        }
        for (Rule rule : rules) {
            String needs = rule.params().get("needs");
            // A site file adding expressions to a shipped rule would make its needs incomplete: then all run.
            if (rule.kind() != RuleKind.PATTERN || needs == null || !rule.entries().stream().allMatch(Rule.Entry::shipped)) {
                continue;
            }
            needOffsets.put(rule, new int[] {entry, 0});
            for (String need : needs.split(",")) {
                String folded = TextNormalizer.fold(need.strip());
                if (!folded.isEmpty()) {
                    patterns.add(folded);
                    owners.add(entry++);
                }
            }
            needOffsets.get(rule)[1] = entry;
        }
        for (Cue cue : Cue.values()) {
            cueOffsets[cue.ordinal()] = entry;
            for (String phrase : cue.phrases()) {
                patterns.add(TextNormalizer.words(TextNormalizer.fold(phrase)));
                owners.add(entry++);
            }
        }
        cueOffsets[Cue.values().length] = entry;
        this.automaton = PhraseAutomaton.of(patterns);
        this.entryOfPattern = owners.stream().mapToInt(Integer::intValue).toArray();
        this.entries = entry;
    }

    /** The entries occurring in any view of the text (bit = entry number). */
    BitSet scan(Analysis text, Budget budget) {
        BitSet patterns = new BitSet(entryOfPattern.length);
        automaton.scan(text.words, text.compact, budget, patterns);
        // The joined view differs from the word view only where single letters were run together.
        if (!text.joined.equals(text.words)) {
            automaton.scan(text.joined, budget, patterns);
        }
        BitSet found = new BitSet(entries);
        for (int p = patterns.nextSetBit(0); p >= 0; p = patterns.nextSetBit(p + 1)) {
            found.set(entryOfPattern[p]);
        }
        return found;
    }

    /**
     * Whether a pattern rule's expressions can match: true unless it declares {@code needs} and none of them
     * occurs in any view (a match on the joined view contains one, and every view's hits are counted).
     */
    boolean mayMatch(Rule rule, BitSet found) {
        int[] range = needOffsets.get(rule);
        if (range == null) {
            return true;
        }
        int next = found.nextSetBit(range[0]);
        return next >= 0 && next < range[1];
    }

    /** How many phrases of a cue occur (each counted once). */
    int cueCount(Cue cue, BitSet found) {
        int count = 0;
        for (int i = cueOffsets[cue.ordinal()]; i < cueOffsets[cue.ordinal() + 1]; i++) {
            count += found.get(i) ? 1 : 0;
        }
        return count;
    }

    /** The phrases of a cue that occur, folded, for the model's named features. */
    void cueHits(Cue cue, BitSet found, java.util.function.Consumer<String> sink) {
        int first = cueOffsets[cue.ordinal()];
        for (int i = first; i < cueOffsets[cue.ordinal() + 1]; i++) {
            if (found.get(i)) {
                sink.accept(cue.phrases().get(i - first));
            }
        }
    }

    /** The entries of one rule that occur, as written in the pack, in pack order. */
    Set<String> matched(Rule rule, BitSet found) {
        Set<String> matched = new LinkedHashSet<>();
        Integer offset = offsets.get(rule);
        if (offset == null) {
            return matched;
        }
        for (int i = 0; i < rule.entries().size(); i++) {
            if (found.get(offset + i)) {
                matched.add(rule.entries().get(i).source());
            }
        }
        return matched;
    }
}
