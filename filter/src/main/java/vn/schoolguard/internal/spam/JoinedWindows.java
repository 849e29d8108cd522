package vn.schoolguard.internal.spam;

import java.util.Arrays;

/** Where a joined view can hold a phrase its word view does not: around the spaces the joining dropped. */
final class JoinedWindows {

    private JoinedWindows() {
    }

    /**
     * The stretches of {@code joined} (its first {@code joinedLength} bytes) to scan for patterns of at most
     * {@code longest} characters once {@code words} was scanned whole, as {@code [from, to)} pairs, ascending and
     * apart; null when the whole view is to be scanned (it is not {@code words} less some spaces, or the
     * stretches would cover more than half of it). Why this finds all: {@code joined} is {@code words} with some
     * spaces dropped, so an occurrence in {@code joined} that does not reach across the place of a dropped space is
     * also one in {@code words}; one that does, across the place between {@code joined[p - 1]} and
     * {@code joined[p]}, starts at {@code p + 1 - longest} at the earliest and ends by {@code p - 1 + longest},
     * inside that place's stretch, where a scan from the start state finds it.
     */
    static int[] of(byte[] words, int wordsLength, byte[] joined, int joinedLength, int longest) {
        int[] windows = new int[8];
        int count = 0;
        int covered = 0;
        int i = 0;
        int j = 0;
        while (true) {
            int same = Arrays.mismatch(words, i, wordsLength, joined, j, joinedLength);
            if (same < 0) {
                return Arrays.copyOf(windows, count);
            }
            i += same;
            j += same;
            if (i >= wordsLength || words[i] != ' ') {
                // Something other than a dropped space: not a joined form of this word view.
                return null;
            }
            i++;
            int from = Math.max(0, j + 1 - longest);
            int to = Math.min(joinedLength, j - 1 + longest);
            if (from >= to) {
                continue;
            }
            if (count > 0 && from <= windows[count - 1]) {
                covered += to - windows[count - 1];
                windows[count - 1] = to;
            } else {
                if (count == windows.length) {
                    windows = Arrays.copyOf(windows, count * 2);
                }
                windows[count++] = from;
                windows[count++] = to;
                covered += to - from;
            }
            if (covered > joinedLength / 2) {
                return null;
            }
        }
    }
}
