package vn.schoolguard.internal.spam;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Aho–Corasick automaton over the folded alphabet ({@code a-z}, {@code 0-9}, space): every phrase of every rule
 * is found in one linear pass over a view, whatever the number of phrases (no backtracking, no regex).
 *
 * <p>Built once per scorer, then immutable and thread-safe. Characters outside the alphabet reset the match
 * (the folded views hold none). The goto function is completed into a full transition table, so a scan costs
 * one array read per character.
 */
final class PhraseAutomaton {

    /** Symbols: 26 letters, 10 digits, the space. */
    static final int ALPHABET = 37;
    private static final int[] NO_OUTPUT = new int[0];
    /** How many characters a scan reads between two looks at the budget's clock. */
    private static final int CHECK_EVERY = 4096;

    private final int[] next;
    private final int[][] outputs;
    private final int patterns;
    /** The longest pattern that can match. */
    private final int longest;

    private PhraseAutomaton(int[] next, int[][] outputs, int patterns, int longest) {
        this.next = next;
        this.outputs = outputs;
        this.patterns = patterns;
        this.longest = Math.max(1, longest);
    }

    /** The symbol of a folded character, or -1 for any other character. */
    static int symbol(char c) {
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= '0' && c <= '9') {
            return 26 + c - '0';
        }
        return c == ' ' ? 36 : -1;
    }

    /**
     * An automaton reporting pattern {@code i} (its index in the list) wherever it occurs; the same string
     * may be given several times under different indices. Empty patterns and patterns with characters outside
     * the alphabet never match.
     */
    static PhraseAutomaton of(List<String> patterns) {
        List<int[]> gotos = new ArrayList<>();
        List<int[]> outs = new ArrayList<>();
        gotos.add(emptyRow());
        outs.add(NO_OUTPUT);
        for (int id = 0; id < patterns.size(); id++) {
            String pattern = patterns.get(id);
            if (pattern.isEmpty() || !inAlphabet(pattern)) {
                continue;
            }
            int state = 0;
            for (int i = 0; i < pattern.length(); i++) {
                int s = symbol(pattern.charAt(i));
                if (gotos.get(state)[s] < 0) {
                    gotos.get(state)[s] = gotos.size();
                    gotos.add(emptyRow());
                    outs.add(NO_OUTPUT);
                }
                state = gotos.get(state)[s];
            }
            outs.set(state, append(outs.get(state), id));
        }
        int[] lengths = patterns.stream().mapToInt(String::length).toArray();
        return complete(gotos, outs, patterns.size(), lengths);
    }

    /**
     * Breadth-first: failure links folded into the table, outputs merged along them. The table is written for the
     * scan: a column more for any other character (back to the start, which reports nothing, as a reset does),
     * every entry the next state's row offset, bit-inverted when that state reports patterns.
     */
    private static PhraseAutomaton complete(List<int[]> gotos, List<int[]> outs, int patterns, int[] lengths) {
        int states = gotos.size();
        int[] next = new int[states * ALPHABET];
        int[] fail = new int[states];
        int[][] outputs = outs.toArray(new int[0][]);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int s = 0; s < ALPHABET; s++) {
            int child = gotos.get(0)[s];
            next[s] = Math.max(child, 0);
            if (child > 0) {
                queue.add(child);
            }
        }
        while (!queue.isEmpty()) {
            int state = queue.poll();
            outputs[state] = merge(outputs[state], outputs[fail[state]]);
            for (int s = 0; s < ALPHABET; s++) {
                int child = gotos.get(state)[s];
                if (child > 0) {
                    fail[child] = next[fail[state] * ALPHABET + s];
                    next[state * ALPHABET + s] = child;
                    queue.add(child);
                } else {
                    next[state * ALPHABET + s] = next[fail[state] * ALPHABET + s];
                }
            }
        }
        // Each state's row starts at an even place, one further when the state reports patterns: the scan tells
        // such a state by the low bit of the place it reads next, without a look at the outputs.
        int[] table = new int[states * STRIDE];
        int longest = 0;
        for (int state = 0; state < states; state++) {
            for (int s = 0; s < ALPHABET; s++) {
                table[row(state, outputs) + s] = row(next[state * ALPHABET + s], outputs);
            }
            table[row(state, outputs) + RESET] = 0;
        }
        for (int[] ids : outputs) {
            for (int id : ids) {
                longest = Math.max(longest, lengths[id]);
            }
        }
        return new PhraseAutomaton(table, outputs, patterns, longest);
    }

    private static int row(int state, int[][] outputs) {
        return state * STRIDE + (outputs[state].length != 0 ? 1 : 0);
    }

    /** The length of the longest pattern that can match (at least 1). */
    int longest() {
        return longest;
    }

    /** How many patterns the automaton was built from (matched or not). */
    int patterns() {
        return patterns;
    }

    /** Room for one bit a pattern, for the scans that set them in place. */
    long[] hits() {
        return new long[(patterns + 63) >>> 6];
    }

    /** Sets bit {@code i} of {@code found} for every pattern {@code i} occurring in the text. */
    void scan(CharSequence text, Budget budget, BitSet found) {
        long[] hits = hits();
        scan(text, budget, hits);
        found.or(BitSet.valueOf(hits));
    }

    /** Sets bit {@code i} of {@code found} for every pattern {@code i} occurring in the text. */
    void scan(CharSequence text, Budget budget, long[] found) {
        // As bytes, every character outside ASCII one that no symbol has: it resets the match as it would.
        run(bytesOf(text), 0, text.length(), 0, budget, found);
    }

    /** {@link #scan(CharSequence, Budget, BitSet)} of the first {@code length} bytes of a view (ASCII, one byte a character). */
    void scan(byte[] text, int length, Budget budget, long[] found) {
        scan(text, length, text, 0, budget, found);
    }

    /** Scans two texts, for tests: as {@link #scan(CharSequence, Budget, BitSet)} of each. */
    void scan(CharSequence first, CharSequence second, Budget budget, BitSet found) {
        scan(bytesOf(first), first.length(), bytesOf(second), second.length(), budget, found);
    }

    /** The byte scans into a bit set, for tests. */
    void scan(byte[] first, int firstLength, byte[] second, int secondLength, Budget budget, BitSet found) {
        long[] hits = hits();
        scan(first, firstLength, second, secondLength, budget, hits);
        found.or(BitSet.valueOf(hits));
    }

    /** The byte scan of one view into a bit set, for tests. */
    void scan(byte[] text, int length, Budget budget, BitSet found) {
        scan(text, length, text, 0, budget, found);
    }

    /**
     * Sets the bits of the patterns occurring in either of two views (bytes, the first {@code firstLength} and
     * {@code secondLength} of them): the same bits as a scan of each. The views are cut into four lanes scanned a
     * byte of each per step, as one scan is a chain of table reads each waiting for the last. A lane reports the
     * patterns ending in its stretch and starts reading as many characters before it as the longest pattern has,
     * less one: from there its state is the one a scan from the start would have (a state is the longest trie
     * prefix ending here, never longer than the longest pattern), and whatever it reports occurs in the view.
     */
    void scan(byte[] first, int firstLength, byte[] second, int secondLength, Budget budget, long[] found) {
        int total = firstLength + secondLength;
        if (total == 0) {
            return;
        }
        // Lanes shared in proportion to the views' lengths; a short view is one lane.
        int firstLanes = secondLength == 0 ? LANES : firstLength == 0 ? 0 : Math.max(1, Math.min(LANES - 1,
                (int) Math.round((double) LANES * firstLength / total)));
        byte[][] texts = new byte[LANES][];
        int[] from = new int[LANES];
        int[] to = new int[LANES];
        lanes(first, firstLength, 0, firstLanes, texts, from, to);
        lanes(second, secondLength, firstLanes, LANES - firstLanes, texts, from, to);
        scanLanes(texts, from, to, budget, found);
    }

    /** Cuts one view into {@code count} lanes from lane {@code lane} on (an empty view into empty lanes). */
    private void lanes(byte[] text, int length, int lane, int count, byte[][] texts, int[] from, int[] to) {
        for (int k = 0; k < count; k++) {
            int start = (int) ((long) length * k / count);
            int end = (int) ((long) length * (k + 1) / count);
            texts[lane + k] = text;
            from[lane + k] = k == 0 ? 0 : Math.max(0, start - (longest - 1));
            to[lane + k] = end;
        }
    }

    private void scanLanes(byte[][] texts, int[] from, int[] to, Budget budget, long[] found) {
        int[] next = this.next;
        byte[] symbols = BYTE_SYMBOLS;
        byte[] t0 = texts[0];
        byte[] t1 = texts[1];
        byte[] t2 = texts[2];
        byte[] t3 = texts[3];
        int f0 = from[0];
        int f1 = from[1];
        int f2 = from[2];
        int f3 = from[3];
        int common = Math.min(Math.min(to[0] - f0, to[1] - f1), Math.min(to[2] - f2, to[3] - f3));
        int s0 = 0;
        int s1 = 0;
        int s2 = 0;
        int s3 = 0;
        for (int block = 0; block < common; block += CHECK_EVERY) {
            if (block > 0) {
                budget.check();
            }
            int end = Math.min(common, block + CHECK_EVERY);
            for (int i = block; i < end; i++) {
                s0 = next[s0 + symbols[t0[f0 + i] & 0xff]];
                s1 = next[s1 + symbols[t1[f1 + i] & 0xff]];
                s2 = next[s2 + symbols[t2[f2 + i] & 0xff]];
                s3 = next[s3 + symbols[t3[f3 + i] & 0xff]];
                if (((s0 | s1 | s2 | s3) & 1) != 0) {
                    reportAny(s0, s1, s2, s3, found);
                }
            }
        }
        int[] states = {s0, s1, s2, s3};
        for (int lane = 0; lane < LANES; lane++) {
            run(texts[lane], from[lane] + common, to[lane], states[lane], budget, found);
        }
    }

    /**
     * Sets the bits of the patterns occurring in {@code text[from, to)} (a view's bytes): a scan of that stretch
     * alone, from the start state.
     */
    void scan(byte[] text, int from, int to, Budget budget, long[] found) {
        run(text, from, to, 0, budget, found);
    }

    /** Reads {@code text[from, to)} from {@code state}, reporting what ends there. */
    private void run(byte[] text, int from, int to, int state, Budget budget, long[] found) {
        int[] next = this.next;
        for (int i = from; i < to; i++) {
            if (((i - from) & (CHECK_EVERY - 1)) == CHECK_EVERY - 1) {
                budget.check();
            }
            state = next[state + BYTE_SYMBOLS[text[i] & 0xff]];
            if ((state & 1) != 0) {
                report(outputs[state / STRIDE], found);
            }
        }
    }

    private void reportAny(int s0, int s1, int s2, int s3, long[] found) {
        reportIf(s0, found);
        reportIf(s1, found);
        reportIf(s2, found);
        reportIf(s3, found);
    }

    private void reportIf(int state, long[] found) {
        if ((state & 1) != 0) {
            report(outputs[state / STRIDE], found);
        }
    }

    /** The characters of a text as the byte scans read them: those outside ASCII as a byte no symbol has. */
    static byte[] bytesOf(CharSequence text) {
        byte[] bytes = new byte[text.length()];
        for (int i = 0; i < bytes.length; i++) {
            char c = text.charAt(i);
            bytes[i] = (byte) (c < 0x80 ? c : 0x80);
        }
        return bytes;
    }

    private static void report(int[] ids, long[] found) {
        for (int id : ids) {
            found[id >>> 6] |= 1L << id;
        }
    }

    /** The column of any character outside the alphabet: every state goes back to the start. */
    private static final int RESET = ALPHABET;
    /** The distance of two rows of the scan's table: room for the alphabet, {@link #RESET} and the output bit. */
    private static final int STRIDE = ALPHABET + 3;
    /** Lanes of a byte scan. */
    private static final int LANES = 4;

    /** {@link #symbol} of every ASCII character ({@link #RESET} for none), looked up instead of compared in the scan's loop. */
    private static final byte[] SYMBOLS = new byte[128];
    /** The same for every byte value of a view. */
    private static final byte[] BYTE_SYMBOLS = new byte[256];

    static {
        for (char c = 0; c < SYMBOLS.length; c++) {
            SYMBOLS[c] = (byte) (symbol(c) < 0 ? RESET : symbol(c));
        }
        Arrays.fill(BYTE_SYMBOLS, (byte) RESET);
        System.arraycopy(SYMBOLS, 0, BYTE_SYMBOLS, 0, SYMBOLS.length);
    }

    /** The patterns occurring in a text (for tests and callers without a budget). */
    BitSet find(CharSequence text) {
        BitSet found = new BitSet(patterns);
        scan(text, Budget.UNLIMITED, found);
        return found;
    }

    private static boolean inAlphabet(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            if (symbol(pattern.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int[] emptyRow() {
        int[] row = new int[ALPHABET];
        Arrays.fill(row, -1);
        return row;
    }

    private static int[] append(int[] ids, int id) {
        int[] more = Arrays.copyOf(ids, ids.length + 1);
        more[ids.length] = id;
        return more;
    }

    private static int[] merge(int[] own, int[] inherited) {
        if (inherited.length == 0) {
            return own;
        }
        int[] all = Arrays.copyOf(own, own.length + inherited.length);
        System.arraycopy(inherited, 0, all, own.length, inherited.length);
        return all;
    }
}
