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

    private PhraseAutomaton(int[] next, int[][] outputs, int patterns) {
        this.next = next;
        this.outputs = outputs;
        this.patterns = patterns;
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
        return complete(gotos, outs, patterns.size());
    }

    /** Breadth-first: failure links folded into the table, outputs merged along them. */
    private static PhraseAutomaton complete(List<int[]> gotos, List<int[]> outs, int patterns) {
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
        return new PhraseAutomaton(next, outputs, patterns);
    }

    /** How many patterns the automaton was built from (matched or not). */
    int patterns() {
        return patterns;
    }

    /** Sets bit {@code i} of {@code found} for every pattern {@code i} occurring in the text. */
    void scan(CharSequence text, Budget budget, BitSet found) {
        int[] next = this.next;
        int[][] outputs = this.outputs;
        int state = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if ((i & (CHECK_EVERY - 1)) == CHECK_EVERY - 1) {
                budget.check();
            }
            char c = text.charAt(i);
            int s = c < SYMBOLS.length ? SYMBOLS[c] : -1;
            if (s < 0) {
                state = 0;
                continue;
            }
            state = next[state * ALPHABET + s];
            int[] ids = outputs[state];
            if (ids.length != 0) {
                for (int id : ids) {
                    found.set(id);
                }
            }
        }
    }

    /**
     * Scans two texts at once, a character of each per step: the same bits as two scans, in about the time of one,
     * as the two chains of table reads do not wait for each other.
     */
    void scan(CharSequence first, CharSequence second, Budget budget, BitSet found) {
        int[] next = this.next;
        int[][] outputs = this.outputs;
        int a = 0;
        int b = 0;
        int common = Math.min(first.length(), second.length());
        for (int i = 0; i < common; i++) {
            if ((i & (CHECK_EVERY - 1)) == CHECK_EVERY - 1) {
                budget.check();
            }
            char ca = first.charAt(i);
            char cb = second.charAt(i);
            int sa = ca < SYMBOLS.length ? SYMBOLS[ca] : -1;
            int sb = cb < SYMBOLS.length ? SYMBOLS[cb] : -1;
            a = sa < 0 ? 0 : next[a * ALPHABET + sa];
            b = sb < 0 ? 0 : next[b * ALPHABET + sb];
            report(outputs[a], found);
            report(outputs[b], found);
        }
        CharSequence longer = first.length() > common ? first : second;
        int state = first.length() > common ? a : b;
        for (int i = common; i < longer.length(); i++) {
            if ((i & (CHECK_EVERY - 1)) == CHECK_EVERY - 1) {
                budget.check();
            }
            char c = longer.charAt(i);
            int s = c < SYMBOLS.length ? SYMBOLS[c] : -1;
            state = s < 0 ? 0 : next[state * ALPHABET + s];
            report(outputs[state], found);
        }
    }

    private static void report(int[] ids, BitSet found) {
        if (ids.length != 0) {
            for (int id : ids) {
                found.set(id);
            }
        }
    }

    /** {@link #symbol} of every ASCII character, looked up instead of compared in the scan's loop. */
    private static final byte[] SYMBOLS = new byte[128];

    static {
        for (char c = 0; c < SYMBOLS.length; c++) {
            SYMBOLS[c] = (byte) symbol(c);
        }
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
