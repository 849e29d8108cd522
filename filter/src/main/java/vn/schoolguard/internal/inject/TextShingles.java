package vn.schoolguard.internal.inject;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A text as a set of overlapping three-word runs of its normalized words (NFC, lower case, letters and digits
 * only), so that a page showing an approved comment is recognized although the application changed its
 * punctuation, quotes, spacing or line breaks. Texts of one or two words are matched as a whole phrase.
 */
final class TextShingles {

    private static final int WIDTH = 3;
    /** Long texts are recognized by their start; an application may show only an excerpt in a list anyway. */
    private static final int MOST = 200;
    /** The share of a text's runs a page must hold. */
    private static final double ENOUGH = 0.8;

    private final List<String> words;
    private final Set<Long> shingles;

    private TextShingles(List<String> words, Set<Long> shingles) {
        this.words = words;
        this.shingles = shingles;
    }

    static TextShingles of(String text, int most) {
        List<String> words = words(text);
        Set<Long> shingles = new HashSet<>();
        for (int i = 0; i + WIDTH <= words.size() && shingles.size() < most; i++) {
            shingles.add(hash(words, i));
        }
        return new TextShingles(words, shingles);
    }

    /** An approved text to look for. */
    static TextShingles probe(String text) {
        return of(text, MOST);
    }

    /** A whole page. */
    static TextShingles page(String text) {
        return of(text, Integer.MAX_VALUE);
    }

    boolean isEmpty() {
        return words.isEmpty();
    }

    /** Whether {@code page} shows this text. */
    boolean foundIn(TextShingles page) {
        if (words.isEmpty()) {
            return false;
        }
        if (shingles.isEmpty()) {
            return page.containsPhrase(words);
        }
        int found = 0;
        for (long shingle : shingles) {
            if (page.shingles.contains(shingle)) {
                found++;
            }
        }
        return found >= Math.ceil(shingles.size() * ENOUGH);
    }

    private boolean containsPhrase(List<String> phrase) {
        outer:
        for (int i = 0; i + phrase.size() <= words.size(); i++) {
            for (int j = 0; j < phrase.size(); j++) {
                if (!words.get(i + j).equals(phrase.get(j))) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    static List<String> words(String text) {
        String normal = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < normal.length(); ) {
            int cp = normal.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK) {
                word.appendCodePoint(cp);
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    private static long hash(List<String> words, int from) {
        long h = 1125899906842597L;
        for (int i = from; i < from + WIDTH; i++) {
            String w = words.get(i);
            for (int k = 0; k < w.length(); k++) {
                h = 31 * h + w.charAt(k);
            }
            h = 31 * h + ' ';
        }
        return h;
    }
}
