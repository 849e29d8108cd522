package vn.schoolguard.internal.spam;

import java.nio.charset.StandardCharsets;
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
 * reporting the same entry. One scan of the word, joined and compact views (and of their digit-for-letter
 * {@link LeetView} when a word mixes both) answers every phrase rule; runs of spelled-out letters are scanned
 * once more for run-together forms of at least {@value #MIN_SPELLED} letters.
 */
final class PhraseIndex {

    /** The shortest run-together form matched in spelled-out letters ("vaytien" yes, "keo" no). */
    static final int MIN_SPELLED = 6;

    private final PhraseAutomaton automaton;
    /** Pattern index → entry number. */
    private final int[] entryOfPattern;
    /** Run-together forms of at least {@value #MIN_SPELLED} letters, for the letters a text spells out one by one. */
    private final PhraseAutomaton spelledAutomaton;
    private final int[] entryOfSpelled;
    /** First entry number of each indexed rule. */
    private final Map<Rule, Integer> offsets = new IdentityHashMap<>();
    private final int entries;
    /** Per pattern rule with {@code needs}: its entry numbers, its needs and its reach. */
    private final Map<Rule, Needs> needs = new IdentityHashMap<>();
    /** Entry number of the first phrase of each cue, then one past the last. */
    private final int[] cueOffsets = new int[Cue.values().length + 1];

    PhraseIndex(List<Rule> rules) {
        Patterns all = new Patterns();
        int entry = indexPhrases(rules, all, 0);
        entry = indexNeeds(rules, all, entry);
        entry = indexCues(all, entry);
        this.automaton = PhraseAutomaton.of(all.patterns);
        this.entryOfPattern = all.owners.stream().mapToInt(Integer::intValue).toArray();
        this.spelledAutomaton = PhraseAutomaton.of(all.spelled);
        this.entryOfSpelled = all.spelledOwners.stream().mapToInt(Integer::intValue).toArray();
        this.entries = entry;
    }

    /** Patterns and the entry each reports, for the main automaton and for spelled-out runs. */
    private static final class Patterns {
        final List<String> patterns = new ArrayList<>();
        final List<Integer> owners = new ArrayList<>();
        final List<String> spelled = new ArrayList<>();
        final List<Integer> spelledOwners = new ArrayList<>();

        void add(String pattern, int entry) {
            patterns.add(pattern);
            owners.add(entry);
        }

        /** A word form, and its run-together form when long enough to be told apart inside a spelled-out run. */
        void words(String words, int entry) {
            add(words, entry);
            String compact = words.replace(" ", "");
            if (compact.length() >= MIN_SPELLED) {
                spelled.add(compact);
                spelledOwners.add(entry);
            }
        }
    }

    private int indexPhrases(List<Rule> rules, Patterns all, int first) {
        int entry = first;
        for (Rule rule : rules) {
            if (rule.kind() != RuleKind.PHRASE && rule.kind() != RuleKind.AWARENESS) {
                continue;
            }
            offsets.put(rule, entry);
            for (Rule.Entry e : rule.entries()) {
                // A blank word form never matched; its run-together form is blank too.
                if (!e.words().isBlank()) {
                    all.words(e.words(), entry);
                    if (!e.compact().isEmpty()) {
                        all.add(e.compact(), entry);
                    }
                }
                entry++;
            }
        }
        return entry;
    }

    private int indexNeeds(List<Rule> rules, Patterns all, int first) {
        int entry = first;
        for (Rule rule : rules) {
            String declared = rule.params().get("needs");
            // A site file adding expressions to a shipped rule would make its needs incomplete: then all run.
            if (rule.kind() != RuleKind.PATTERN || declared == null || !rule.entries().stream().allMatch(Rule.Entry::shipped)) {
                continue;
            }
            int start = entry;
            List<String> words = new ArrayList<>();
            for (String need : declared.split(",")) {
                String folded = TextNormalizer.fold(need.strip());
                if (!folded.isEmpty()) {
                    words.add(folded);
                    all.add(folded, entry++);
                }
            }
            String reach = rule.params().get("reach");
            boolean bounded = rule.entries().stream().allMatch(e -> BoundaryStarts.opensWithBoundary(e.pattern().pattern()));
            needs.put(rule, new Needs(start, entry, List.copyOf(words), reach == null ? -1 : Integer.parseInt(reach), bounded));
        }
        return entry;
    }

    /**
     * A pattern rule's needs: entry numbers {@code [first, end)}, the needs as folded, how many characters
     * before one of them a match can start ({@code -1}: not declared), and whether every expression of the rule
     * starts with a word boundary (its matches start only where one stands).
     */
    private record Needs(int first, int end, List<String> words, int reach, boolean bounded) {
    }

    private int indexCues(Patterns all, int first) {
        int entry = first;
        for (Cue cue : Cue.values()) {
            cueOffsets[cue.ordinal()] = entry;
            for (String phrase : cue.phrases()) {
                String words = TextNormalizer.words(TextNormalizer.fold(phrase));
                all.words(words, entry);
                // Run together ("nhacaiuytinnhat"), as long rule phrases are matched.
                String compact = words.replace(" ", "");
                if (words.strip().indexOf(' ') > 0 && compact.length() >= RulePack.MIN_COMPACT) {
                    all.add(compact, entry);
                }
                entry++;
            }
        }
        cueOffsets[Cue.values().length] = entry;
        return entry;
    }

    /** The automaton of the word and run-together forms (tests scan with it). */
    PhraseAutomaton automaton() {
        return automaton;
    }

    /** The entries occurring in any view of the text (bit = entry number). */
    BitSet scan(Analysis text, Budget budget) {
        long[] patterns = automaton.hits();
        WordViews views = text.views;
        automaton.scan(views.wordBytes, text.words.length(), views.compactBytes, text.compact.length(), budget, patterns);
        // The joined view differs from the word view only where single letters were run together.
        boolean joined = !text.joined.equals(text.words);
        if (joined) {
            // Only where it holds what the word view does not: around the spaces dropped in joining.
            int[] windows = JoinedWindows.of(views.wordBytes, text.words.length(), views.joinedBytes, text.joined.length(),
                    automaton.longest());
            if (windows == null) {
                automaton.scan(views.joinedBytes, text.joined.length(), budget, patterns);
            } else {
                for (int w = 0; w < windows.length; w += 2) {
                    automaton.scan(views.joinedBytes, windows[w], windows[w + 1], budget, patterns);
                }
            }
        }
        // The word view's mixed words were found as it was built; the joined view (rare) looks for its own.
        String leet = LeetView.of(views.wordBytes, text.words.length(), views.mixed, views.mixedCount);
        if (leet != null) {
            automaton.scan(leet, budget, patterns);
        }
        String joinedLeet = joined ? LeetView.of(text.joined) : null;
        if (joinedLeet != null) {
            automaton.scan(joinedLeet, budget, patterns);
        }
        BitSet found = new BitSet(entries);
        set(found, patterns, entryOfPattern);
        byte[] spelled = new byte[text.words.length()];
        int length = spelledOut(views.wordBytes, views.singles, views.singleCount, spelled);
        if (length > 0) {
            long[] hits = spelledAutomaton.hits();
            spelledAutomaton.scan(spelled, length, budget, hits);
            set(found, hits, entryOfSpelled);
        }
        return found;
    }

    /** Sets the entry of every pattern whose bit is set. */
    private static void set(BitSet found, long[] patterns, int[] entryOf) {
        for (int w = 0; w < patterns.length; w++) {
            for (long bits = patterns[w]; bits != 0; bits &= bits - 1) {
                found.set(entryOf[(w << 6) + Long.numberOfTrailingZeros(bits)]);
            }
        }
    }

    /**
     * The runs of one-letter words of a word view ("g i a i n g a n" of "g.i.ả.i n.g.â.n"), each joined, one per
     * line, into {@code out}, returning their length: a spelled-out phrase has lost its word breaks, so its
     * run-together form is matched there, however short. The view is read as bytes, {@code length} of them; the
     * runs are never longer than the view.
     */
    static int spelledOut(byte[] words, int length, byte[] out) {
        int size = 0;
        int run = 0;
        int start = 1;
        for (int i = 1; i < length; i++) {
            if (words[i] != ' ') {
                continue;
            }
            if (i - start == 1) {
                out[size++] = words[start];
                run++;
            } else if (i > start) {
                size = endRun(out, size, run);
                run = 0;
            }
            start = i + 1;
        }
        return endRun(out, size, run);
    }

    /**
     * {@link #spelledOut(byte[], int, byte[])} of a word view from the places of its one-character words ({@code count}
     * of them, ascending, as {@link WordViews} notes them): two are in one run when only their space parts them.
     */
    static int spelledOut(byte[] words, int[] singles, int count, byte[] out) {
        int size = 0;
        int run = 0;
        for (int k = 0; k < count; k++) {
            if (k > 0 && singles[k] != singles[k - 1] + 2) {
                size = endRun(out, size, run);
                run = 0;
            }
            out[size++] = words[singles[k]];
            run++;
        }
        return endRun(out, size, run);
    }

    /** {@link #spelledOut(byte[], int, byte[])} of a word view given as a string. */
    static String spelledOut(String words) {
        byte[] bytes = words.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[bytes.length];
        return new String(out, 0, spelledOut(bytes, bytes.length, out), StandardCharsets.ISO_8859_1);
    }

    /** Ends a run of one-letter words: a lone letter is no run; a run ends its line. Returns the new length. */
    private static int endRun(byte[] out, int size, int run) {
        if (run == 1) {
            return size - 1;
        }
        if (run > 1) {
            out[size++] = '\n';
        }
        return size;
    }

    /**
     * Whether a pattern rule's expressions can match: true unless it declares {@code needs} and none of them
     * occurs in any view (a match on the joined view contains one, and every view's hits are counted).
     */
    boolean mayMatch(Rule rule, BitSet found) {
        Needs declared = needs.get(rule);
        if (declared == null) {
            return true;
        }
        int next = found.nextSetBit(declared.first);
        return next >= 0 && next < declared.end;
    }

    /**
     * Where a pattern rule's expressions can start to match in {@code joined}, ascending: from {@code reach}
     * characters before each occurrence of one of its needs up to that occurrence. Null when the rule declares no
     * reach, and then its expressions are tried everywhere. Only needs found by the scan are looked for.
     */
    int[] matchStarts(Rule rule, BitSet found, String joined) {
        Needs declared = needs.get(rule);
        if (declared == null || declared.reach < 0) {
            return null;
        }
        BitSet starts = new BitSet(joined.length());
        for (int e = found.nextSetBit(declared.first); e >= 0 && e < declared.end; e = found.nextSetBit(e + 1)) {
            String need = declared.words.get(e - declared.first);
            for (int at = joined.indexOf(need); at >= 0; at = joined.indexOf(need, at + 1)) {
                starts.set(Math.max(0, at - declared.reach), at + 1);
            }
        }
        if (!declared.bounded) {
            return starts.stream().toArray();
        }
        // Expressions that open with a word boundary: only the places where one stands (about one in five).
        return BoundaryStarts.atBoundaries(starts, joined);
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
