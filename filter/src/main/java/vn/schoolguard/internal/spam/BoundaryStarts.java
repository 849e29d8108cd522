package vn.schoolguard.internal.spam;

import java.util.Arrays;
import java.util.BitSet;

/** Where an expression that opens with a word boundary can start: only where {@code \b} holds. */
final class BoundaryStarts {

    private BoundaryStarts() {
    }

    /**
     * Whether every match of {@code regex} starts at a word boundary: it begins with a {@code \b} that is not
     * quantified and has no alternative at its top level (where the {@code \b} would bind only the first).
     * False when in doubt (quoting, flags before the boundary, an unclosed class).
     */
    static boolean opensWithBoundary(String regex) {
        if (!regex.startsWith("\\b") || regex.contains("\\Q")
                || regex.length() > 2 && "?*+{".indexOf(regex.charAt(2)) >= 0) {
            return false;
        }
        int depth = 0;
        int classDepth = 0;
        for (int i = 2; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (classDepth > 0) {
                classDepth += c == '[' ? 1 : c == ']' ? -1 : 0;
            } else if (c == '[') {
                classDepth = 1;
                // A ']' right after the opening bracket (or its '^') is a literal, not the end.
                i += regex.startsWith("^]", i + 1) ? 2 : regex.startsWith("]", i + 1) ? 1 : 0;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return false;
            }
        }
        return classDepth == 0 && depth == 0;
    }

    /** The places of {@code starts} where a word boundary stands in {@code text}, ascending. */
    static int[] atBoundaries(BitSet starts, String text) {
        int[] bounded = new int[starts.cardinality()];
        int count = 0;
        for (int at = starts.nextSetBit(0); at >= 0; at = starts.nextSetBit(at + 1)) {
            if (word(text, at - 1) != word(text, at)) {
                bounded[count++] = at;
            }
        }
        return Arrays.copyOf(bounded, count);
    }

    /** Whether {@code text[at]} is a word character to {@code \b} (nothing outside the text is; the view is ASCII). */
    private static boolean word(String text, int at) {
        if (at < 0 || at >= text.length()) {
            return false;
        }
        char c = text.charAt(at);
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
