package vn.schoolguard.internal.spam;

import java.util.Arrays;
import java.util.Set;

/**
 * Promotion targets the rule views do not hold: domains under newer top-level domains ("vesovui.shop",
 * "cutt.ly", "x . store", "x chấm shop") and chat handles ("@surewin_keo247"). One linear scan each, no regex.
 */
final class Targets {

    /** Top-level domains beyond the rule views' list; none is a Vietnamese word once folded. */
    static final Set<String> MORE_TLDS = Set.of("com", "net", "org", "vip", "info", "club", "io", "me", "cc", "tv", "top",
            "xyz", "bet", "win", "fun", "live", "online", "site", "app", "pro", "asia", "link", "biz", "ws", "bz", "shop",
            "store", "ly", "gg", "bio", "life", "cloud", "space", "tech", "today", "world", "one", "fyi", "icu", "vin",
            "games", "game", "casino", "poker", "group", "ink", "click", "lol", "best", "plus", "center", "money", "cash",
            "vn", "us", "la", "mobi", "red", "love", "work", "buzz", "cx", "sh", "to", "tk", "ml", "ga", "cf", "gq", "im", "gd");
    private static final int MAX_LABEL = 63;
    private static final int MIN_HANDLE = 3;

    private Targets() {
    }

    /**
     * The first domain-like name "label.tld" in the folded text, with optional spaces around the dot or the word
     * "cham"/"dot" for it; null when there is none.
     */
    static String domain(String folded) {
        int n = folded.length();
        // Only a dot, " cham " or " dot " begins a separator: jump from one to the next (each searched for once).
        int[] next = {folded.indexOf('.'), folded.indexOf(" cham "), folded.indexOf(" dot ")};
        for (int i = first(next); i >= 0; i = first(next)) {
            for (int k = 0; k < next.length; k++) {
                if (next[k] == i) {
                    next[k] = k == 0 ? folded.indexOf('.', i + 1) : folded.indexOf(k == 1 ? " cham " : " dot ", i + 1);
                }
            }
            int dot = separatorEnd(folded, i);
            if (dot < 0) {
                continue;
            }
            int labelEnd = i;
            while (labelEnd > 0 && folded.charAt(labelEnd - 1) == ' ') {
                labelEnd--;
            }
            int labelStart = labelEnd;
            while (labelStart > 0 && hostChar(folded.charAt(labelStart - 1)) && labelEnd - labelStart < MAX_LABEL) {
                labelStart--;
            }
            int tldEnd = dot;
            while (tldEnd < n && isLetter(folded.charAt(tldEnd))) {
                tldEnd++;
            }
            boolean endsWord = tldEnd == n || !Character.isLetterOrDigit(folded.charAt(tldEnd));
            // A tight "rb.gy/x" is a link whatever its top-level domain.
            boolean path = folded.charAt(i) == '.' && dot == i + 1 && labelEnd == i && tldEnd < n && folded.charAt(tldEnd) == '/'
                    && tldEnd - dot >= 2;
            // So is a shortener's one-letter name ("s.id/abc", "t.co/abc"): a letter, two for its domain, a path.
            boolean shortener = path && labelEnd - labelStart == 1 && isLetter(folded.charAt(labelStart)) && tldEnd - dot == 2
                    && tldEnd + 2 < n && hostChar(folded.charAt(tldEnd + 1)) && hostChar(folded.charAt(tldEnd + 2));
            if ((labelEnd - labelStart >= 2 || shortener) && endsWord && (path || moreTld(folded, dot, tldEnd))) {
                return folded.substring(labelStart, labelEnd) + "." + folded.substring(dot, tldEnd);
            }
        }
        return null;
    }

    private static int first(int[] positions) {
        int first = -1;
        for (int at : positions) {
            first = at >= 0 && (first < 0 || at < first) ? at : first;
        }
        return first;
    }

    /** Where the top-level domain starts when a dot (or " cham ", " dot ") begins at {@code i}, else -1. */
    static int separatorEnd(String s, int i) {
        int j;
        if (s.charAt(i) == '.') {
            j = i + 1;
        } else if (s.startsWith(" cham ", i) || s.startsWith(" dot ", i)) {
            j = i + (s.charAt(i + 1) == 'c' ? 6 : 5);
        } else {
            return -1;
        }
        while (j < s.length() && s.charAt(j) == ' ' && j - i < 4) {
            j++;
        }
        return j < s.length() && isLetter(s.charAt(j)) ? j : -1;
    }

    /** The domains of e-mail addresses in the folded text ("lan@example.vn" gives "example.vn"). */
    static Set<String> mailDomains(String folded) {
        Set<String> domains = new java.util.HashSet<>();
        for (int i = folded.indexOf('@'); i >= 0 && domains.size() < SpamScorer.MAX_HOSTS; i = folded.indexOf('@', i + 1)) {
            if (i == 0 || !hostChar(folded.charAt(i - 1))) {
                continue;
            }
            int j = i + 1;
            while (j < folded.length() && (hostChar(folded.charAt(j)) || folded.charAt(j) == '.') && j - i < SpamScorer.MAX_HOST_LENGTH) {
                j++;
            }
            String domain = folded.substring(i + 1, j);
            while (domain.endsWith(".")) {
                domain = domain.substring(0, domain.length() - 1);
            }
            domains.add(domain.startsWith("www.") ? domain.substring(4) : domain);
            // Its parent domains too: the text views may have found "example.vn" of "mail.example.vn".
            for (int dot = domain.indexOf('.'); dot >= 0 && domain.indexOf('.', dot + 1) >= 0; dot = domain.indexOf('.', dot + 1)) {
                domains.add(domain.substring(dot + 1));
            }
        }
        return domains;
    }

    /** Whether the visible text has a chat handle: "@" after a non-letter, then at least three name characters. */
    static boolean handle(String visible) {
        for (int i = visible.indexOf('@'); i >= 0; i = visible.indexOf('@', i + 1)) {
            if (i > 0 && Character.isLetterOrDigit(visible.charAt(i - 1))) {
                continue;
            }
            int j = i + 1;
            while (j < visible.length() && (Character.isLetterOrDigit(visible.charAt(j)) || visible.charAt(j) == '_')) {
                j++;
            }
            if (j - i - 1 >= MIN_HANDLE) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the folded text quotes betting odds: "ăn" and a decimal payout ("ăn 1.98", "1 ăn 0.95",
     * "1 ăn 99,5"), not followed by a unit. One linear scan.
     */
    static boolean odds(String folded) {
        for (int i = folded.indexOf("an "); i >= 0; i = folded.indexOf("an ", i + 1)) {
            if (i > 0 && Character.isLetterOrDigit(folded.charAt(i - 1))) {
                continue;
            }
            int j = i + 3;
            int whole = digits(folded, j);
            if (whole > 0 && whole <= 3 && j + whole + 1 < folded.length()) {
                char mark = folded.charAt(j + whole);
                int fraction = digits(folded, j + whole + 1);
                int end = j + whole + 1 + fraction;
                // "ăn 1,5 tạ gạo" is a quantity: odds are not followed by a unit.
                boolean alone = end == folded.length() || !Character.isLetter(nextNonSpace(folded, end));
                if ((mark == '.' || mark == ',') && fraction > 0 && fraction <= 3 && alone) {
                    return true;
                }
            }
        }
        return false;
    }

    private static char nextNonSpace(String s, int from) {
        int j = from;
        while (j < s.length() && s.charAt(j) == ' ') {
            j++;
        }
        return j < s.length() ? s.charAt(j) : ' ';
    }

    private static int digits(String s, int from) {
        int j = from;
        while (j < s.length() && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
            j++;
        }
        return j - from;
    }

    /**
     * Whether the joined word view names a site the way gambling brands are named: a word of at least four
     * letters followed by one to four digits ("betnova79", "queenbet6"), or with a betting affix
     * ("...bet", "...win", "...club", "...vip", "...88").
     */
    static boolean brand(String joined) {
        int start = 1;
        for (int i = 1; i < joined.length(); i++) {
            if (joined.charAt(i) != ' ') {
                continue;
            }
            if (i - start >= 4 && i - start <= 20 && brandLike(joined, start, i)) {
                return true;
            }
            start = i + 1;
        }
        return false;
    }

    /** Words that make "… club" a school's own club ("English Club", "Book Club"), not a betting site's name. */
    static final Set<String> CLUB_TOPICS = Set.of("english", "math", "maths", "science", "book", "books",
            "reading", "chess", "music", "art", "arts", "dance", "robotics", "stem", "steam", "media", "drama", "debate",
            "volunteer", "volunteers", "football", "basketball", "volleyball", "badminton", "sport", "sports", "coding",
            "code", "ict", "it", "film", "photo", "photography", "speaking", "reader", "readers", "writing", "talent",
            "green", "eco", "kids", "youth", "student", "students", "school", "parents", "teacher", "teachers", "travel",
            "guitar", "piano", "karate", "vovinam", "taekwondo", "swimming", "chinese", "japanese", "korean", "french");

    /** Affixes and names an all-letter word needs to be {@link #brandLike}, with the space ending the word. */
    private static final String[] LETTER_BRANDS = {"bet ", "win ", "club ", "vip ", "casino "};

    /**
     * {@link #brand(String)} of a text's joined view, looking only at the words that can be named like a brand: a
     * word of letters alone must be "club" or "casino" or end in a betting affix, and a word of digits alone never is;
     * the others mix letters and digits, and the word view knows where those start (the joined view is the word view
     * unless letters were run together, and then every word is looked at).
     */
    static boolean brand(Analysis text) {
        String joined = text.joined;
        if (joined != text.words) {
            return brand(joined);
        }
        for (String affix : LETTER_BRANDS) {
            for (int at = joined.indexOf(affix, 1); at >= 0; at = joined.indexOf(affix, at + 1)) {
                if (brandWord(joined, joined.lastIndexOf(' ', at - 1) + 1, at + affix.length() - 1)) {
                    return true;
                }
            }
        }
        WordViews views = text.views;
        for (int k = 0; k < views.mixedCount; k++) {
            if (brandWord(joined, views.mixed[k], joined.indexOf(' ', views.mixed[k]))) {
                return true;
            }
        }
        return false;
    }

    private static boolean brandWord(String joined, int start, int end) {
        return end - start >= 4 && end - start <= 20 && brandLike(joined, start, end);
    }

    /** Whether {@code s[from, to)} is named like a brand; read in place, as it runs for every word of the text. */
    private static boolean brandLike(String s, int from, int to) {
        int length = to - from;
        if (is(s, from, to, "club") || is(s, from, to, "casino")) {
            // "Hũ Vàng Club", "Ngọc Trai Casino": a name before it makes it a site's name; "English Club" is a school's.
            return from > 1 && !(s.charAt(from - 1) == ' ' && is(s, from, to, "club") && clubTopic(s, from - 1));
        }
        int letters = 0;
        while (letters < length && isLetter(s.charAt(from + letters))) {
            letters++;
        }
        int digits = 0;
        while (letters + digits < length && !isLetter(s.charAt(from + letters + digits))) {
            digits++;
        }
        int tail = length - letters - digits;
        if (length < 5) {
            return false;
        }
        boolean affix = ends(s, from, to, "bet") || ends(s, from, to, "win") || ends(s, from, to, "club") || ends(s, from, to, "vip");
        if (letters >= 4 && digits >= 1 && digits <= 4 && (tail <= 2 || affix)) {
            return true;
        }
        return affix && (digits > 0 || letters >= 6) || (letters >= 2 && digits <= 3 && letters + 2 <= length && s.startsWith("88", from + letters));
    }

    /** Whether the word ending at {@code end} (a space) is one of {@link #CLUB_TOPICS}. */
    private static boolean clubTopic(String s, int end) {
        int start = s.lastIndexOf(' ', end - 1) + 1;
        return end > start && CLUB_TOPICS.contains(s.substring(start, end));
    }

    private static boolean is(String s, int from, int to, String word) {
        return to - from == word.length() && s.startsWith(word, from);
    }

    private static boolean ends(String s, int from, int to, String suffix) {
        return to - from >= suffix.length() && s.startsWith(suffix, to - suffix.length());
    }

    /** Whether {@code s[from, to)} is one of {@link #MORE_TLDS}, looked up by {@link DomainHints#code} without a substring. */
    static boolean moreTld(String s, int from, int to) {
        if (to - from > MAX_CODED) {
            return MORE_TLDS.contains(s.substring(from, to));
        }
        return Arrays.binarySearch(MORE_TLD_CODES, DomainHints.code(s, from, to)) >= 0;
    }

    /** Letters fitting in a {@link DomainHints#code} (six bits each, in a long). */
    private static final int MAX_CODED = 10;
    /** Only names of letters and digits have a code; a text's letters could never spell the others anyway. */
    private static final long[] MORE_TLD_CODES = MORE_TLDS.stream().filter(t -> t.length() <= MAX_CODED)
            .filter(t -> t.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            .mapToLong(t -> DomainHints.code(t, 0, t.length())).sorted().toArray();

    private static boolean hostChar(char c) {
        return isLetter(c) || (c >= '0' && c <= '9') || c == '-';
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z';
    }
}
