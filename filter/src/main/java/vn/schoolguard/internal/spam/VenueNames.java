package vn.schoolguard.internal.spam;

import java.util.Locale;
import java.util.Set;

/**
 * Names a reader can search for to find a betting or loan site when the ad gives no link, number or handle: a
 * capitalised name with a number ("Sen Vàng 99", "KÈO XANH 68"), letters glued to digits ("Win668"), a name in
 * camel case ("LuxRoyal", "VayXanh"), a name after a venue word ("sàn Gà Chiến Miền Tây") or before a venue's
 * suffix ("Ruby Club", "GÀ THOMO VIP"). A name spelled letter by letter, in look-alike letters or with invisible
 * characters ("R.u.b.y C.l.u.b", "ВОNG79") is read again as written plainly ({@link SpelledOut}). Ordinary texts
 * name classes, rooms, articles and apps the same way, so {@link Structure} asks only of a text with no other
 * target and no framing wording, and a venue is a weak target. One pass over the words of the visible text (two
 * when it hides a name), no regex.
 */
final class VenueNames {

    private static final int MAX_NAME_WORDS = 3;
    private static final int MIN_GLUED_LETTERS = 3;
    private static final int MAX_GLUED_LETTERS = 12;
    private static final int MIN_NUMBER = 2;
    /** Digits written for letters inside a name ("g04lv4ng": o, a). */
    private static final String LEET_DIGITS = "013457";
    private static final int MAX_NUMBER = 4;
    private static final int MIN_CAMEL = 5;
    /** Case changes that make a shorter word a disguise: "vAnG" has three, "iPad" two. */
    private static final int MIN_CASE_SWITCHES = 3;
    /** Words that take a number in ordinary school texts: "Lớp 12", "Câu 7", "Điều 321", "Cần 20 bạn". */
    private static final Set<String> COUNTED = Set.of("lớp", "khối", "phòng", "trường", "câu", "bài", "điều", "khoản",
            "tập", "số", "tuần", "ngày", "tháng", "năm", "kỳ", "vòng", "trận", "bảng", "hiệp", "phút", "giải", "quận",
            "huyện", "xã", "phường", "đợt", "lần", "top", "mã", "chương", "phần", "nhóm", "tổ", "đội", "sân", "khu",
            "tầng", "cấp", "hạng", "mục", "đề", "thứ", "quý", "giờ", "tiết", "cần", "có", "còn", "được", "hơn", "gần",
            "khoảng", "tới", "đến", "từ", "tặng", "nạp", "rút", "chỉ", "grade", "class", "room", "unit", "lesson",
            "covid", "xe", "tuyến", "lộ", "đường", "hẻm", "ngõ", "kiệt", "ấp", "thôn", "xóm", "khóa", "nhà",
            "căn", "lô", "ô", "bàn", "cửa", "mẫu", "đơn", "form", "iphone", "galaxy", "windows", "office", "casio",
            "toán", "toan", "văn", "van", "lý", "ly", "hóa", "hoa", "sinh", "sử", "su", "địa", "dia", "anh", "tin",
            "gdcd", "gdtx", "thcs", "thpt", "ktx", "nhất", "nhì", "ba", "khuyến", "khích");
    /** Words that make the number before them an amount or a count ("Nhì 500 nghìn", "Cần 20 bạn"), not a name's. */
    private static final Set<String> UNITS = Set.of("nghìn", "ngàn", "nghin", "ngan", "triệu", "trieu", "tỷ", "ty", "tr",
            "k", "đ", "đồng", "dong", "vnđ", "vnd", "usd", "bạn", "ban", "người", "nguoi", "em", "học", "hoc", "cái",
            "chiếc", "km", "m", "kg", "phút", "phut", "giờ", "gio", "ngày", "ngay", "tuổi", "tuoi", "điểm", "diem", "độ");
    /** Camel-case names of everyday apps, banks and shops. */
    private static final Set<String> WELL_KNOWN = Set.of("iphone", "ipad", "imac", "tiktok", "youtube", "facebook",
            "linkedin", "whatsapp", "powerpoint", "onedrive", "onenote", "geogebra", "chatgpt", "paypal", "github",
            "javascript", "mathtype", "classdojo", "elearning", "zalopay", "momo", "vnpay", "vnexpress", "vnedu",
            "vietinbank", "viettelpay", "shopeepay", "shopeefood", "grabfood", "grabbike", "seabank", "vinfast",
            "vinschool", "vinuni", "vinmec", "vinmart", "vinaphone", "mobifone", "vietjet", "airpods", "macbook",
            "playstation", "smarttv", "hocmai", "quizizz", "kahoot", "canva", "mcdonald", "livescore", "thegioididong",
            "dienmayxanh", "bachhoaxanh", "fptshop", "kidsonline", "smas", "vneid", "epass", "ehoadon", "edoc");
    /** Written in small letters, as in running text ("Kênh" and "Ứng dụng" begin titles; "kênh" is also a canal). */
    private static final String[] VENUE_WORDS = {"sàn", "sảnh", "app", "web", "cổng game", "nhà cái", "ứng dụng", "group"};
    /**
     * Venue words that name a cockfight pit or a gambling den and nothing else, so that they lead a venue's name
     * written in any case ("sới Gà Chiến", "kênh Sới Cửa Lò", "ở Trường gà Ông Tư"); "Sàn", "App" and "Đấu trường"
     * begin titles.
     */
    private static final String[] DEN_WORDS = {"sới", "sới gà", "trường gà", "trại gà", "sòng", "sòng bài"};
    /** Words that end a betting venue's name ("Ruby Club", "Royal Casino", "GÀ THOMO VIP"), written capitalised. */
    private static final Set<String> VENUE_SUFFIXES = Set.of("club", "casino", "vip", "bet");
    private static final int MIN_NAME_LETTERS = 3;

    private VenueNames() {
    }

    /** Whether the visible text (tags out, case and tone marks kept) names a venue as above. */
    static boolean named(String visible) {
        if (scan(visible)) {
            return true;
        }
        String plain = SpelledOut.plain(visible);
        return plain != null && scan(plain);
    }

    private static boolean scan(String visible) {
        int n = visible.length();
        // The words of the current capitalised run (at most MAX_NAME_WORDS), and whether the run began a sentence.
        int runWords = 0;
        boolean runAtSentenceStart = false;
        boolean sentenceStart = true;
        String lastRunWord = "";
        int previousEnd = -1;
        int i = 0;
        while (i < n) {
            char c = visible.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                sentenceStart |= c == '.' || c == '!' || c == '?' || c == ':' || c == '\n';
                i++;
                continue;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(visible.charAt(i))) {
                i++;
            }
            boolean joined = previousEnd >= 0 && joins(visible, previousEnd, start);
            Word word = Word.of(visible, start, i);
            if (word.glued() || word.camel() || afterVenueWord(visible, start, word, sentenceStart)) {
                return true;
            }
            if (word.number() && joined && runWords > 0 && numberEnds(visible, i) && !COUNTED.contains(lastRunWord)
                    && !(runWords == 1 && (runAtSentenceStart || lastRunWord.length() < MIN_NAME_LETTERS))
                    && !UNITS.contains(nextWord(visible, i))) {
                return true;
            }
            if (word.capitalised() && joined && runWords > 0 && suffixed(word, lastRunWord)) {
                return true;
            }
            if (word.capitalised()) {
                boolean continues = runWords > 0 && joined && runWords < MAX_NAME_WORDS;
                runAtSentenceStart = continues ? runAtSentenceStart : sentenceStart;
                runWords = continues ? runWords + 1 : 1;
                lastRunWord = word.lower();
            } else {
                runWords = 0;
            }
            sentenceStart = false;
            previousEnd = i;
        }
        return false;
    }

    /** Whether a capitalised word after a capitalised name ends a venue's name: "Ruby Club", not "English Club". */
    private static boolean suffixed(Word word, String lastRunWord) {
        if (word.to - word.from > 6 || !VENUE_SUFFIXES.contains(word.lower())) {
            return false;
        }
        return !COUNTED.contains(lastRunWord) && !Targets.CLUB_TOPICS.contains(lastRunWord);
    }

    /** Whether {@code s[from, to)}, between two words, joins them into one name: " ", "-" or " - ". */
    private static boolean joins(String s, int from, int to) {
        return to - from == 1 ? s.charAt(from) == ' ' || s.charAt(from) == '-'
                : to - from == 3 && s.startsWith(" - ", from);
    }

    /** Whether a number ends where a name's number would: not a date, time, score, price or decimal ("99/5", "10:30"). */
    private static boolean numberEnds(String s, int end) {
        if (end >= s.length()) {
            return true;
        }
        char c = s.charAt(end);
        if (c == '/' || c == ':' || c == '%' || c == '\'') {
            return false;
        }
        return !(c == '.' || c == ',') || end + 1 >= s.length() || !Character.isDigit(s.charAt(end + 1));
    }

    /** The next word after {@code end} in small letters, read when a name's number is found ("" at the end). */
    private static String nextWord(String s, int end) {
        int from = end;
        while (from < s.length() && s.charAt(from) == ' ') {
            from++;
        }
        int to = from;
        while (to < s.length() && Character.isLetter(s.charAt(to))) {
            to++;
        }
        return s.substring(from, to).toLowerCase(Locale.ROOT);
    }

    /**
     * Whether a capitalised word follows one of {@link #VENUE_WORDS}, or one of {@link #DEN_WORDS} written in any case
     * ("sàn Gà Chiến", "nhà cái BetKha", "kênh Sới Cửa Lò").
     */
    private static boolean afterVenueWord(String s, int start, Word word, boolean sentenceStart) {
        if (!word.capitalised() || sentenceStart || start < 2 || s.charAt(start - 1) != ' ') {
            return false;
        }
        return follows(s, start, VENUE_WORDS, false) || follows(s, start, DEN_WORDS, true);
    }

    /** Whether one of {@code words} ends just before the space at {@code start - 1}, as a word of its own. */
    private static boolean follows(String s, int start, String[] words, boolean anyCase) {
        for (String venue : words) {
            int from = start - 1 - venue.length();
            if (from >= 0 && s.regionMatches(anyCase, from, venue, 0, venue.length())
                    && (from == 0 || !Character.isLetterOrDigit(s.charAt(from - 1)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * One word of the visible text: letters and digits between other characters, read in place; its text is copied
     * only when a name list is asked about it.
     */
    private record Word(String s, int from, int to, int letters, int digits, boolean upperFirst, boolean camelStep,
            int caseSwitches) {

        static Word of(String s, int from, int to) {
            int letters = 0;
            int digits = 0;
            boolean camelStep = false;
            int caseSwitches = 0;
            for (int k = from; k < to; k++) {
                char c = s.charAt(k);
                if (Character.isDigit(c)) {
                    digits++;
                } else {
                    letters++;
                    camelStep |= k > from && Character.isUpperCase(c) && Character.isLowerCase(s.charAt(k - 1));
                    caseSwitches += k > from && Character.isLetter(s.charAt(k - 1))
                            && Character.isUpperCase(c) != Character.isUpperCase(s.charAt(k - 1)) ? 1 : 0;
                }
            }
            return new Word(s, from, to, letters, digits, Character.isUpperCase(s.charAt(from)), camelStep, caseSwitches);
        }

        String lower() {
            return s.substring(from, to).toLowerCase(Locale.ROOT);
        }

        /**
         * ASCII letters glued to a number: "Win668", "vua79", also with digits for letters before it ("g04lv4ng88");
         * not a year ("euro2024").
         */
        boolean glued() {
            if (digits < MIN_NUMBER || letters < MIN_GLUED_LETTERS - 1) {
                return false;
            }
            int tail = 0;
            while (tail < to - from && Character.isDigit(s.charAt(to - 1 - tail))) {
                tail++;
            }
            int head = to - from - tail;
            if (head < MIN_GLUED_LETTERS || head > MAX_GLUED_LETTERS || tail < MIN_NUMBER || tail > MAX_NUMBER) {
                return false;
            }
            int ascii = 0;
            for (int k = from; k < from + head; k++) {
                char c = s.charAt(k);
                boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
                if (!letter && LEET_DIGITS.indexOf(c) < 0) {
                    return false;
                }
                ascii += letter ? 1 : 0;
            }
            return ascii >= MIN_GLUED_LETTERS - 1 && Character.isLetter(s.charAt(from)) && !year(s.substring(from + head, to));
        }

        /**
         * A word of letters with a capital after a small letter ("LuxRoyal", "VayXanh"), or in alternating case
         * ("vAnG"), not an everyday app's name.
         */
        boolean camel() {
            return camelStep && digits == 0 && (letters >= MIN_CAMEL || caseSwitches >= MIN_CASE_SWITCHES)
                    && !WELL_KNOWN.contains(lower());
        }

        boolean capitalised() {
            return upperFirst && digits == 0;
        }

        boolean number() {
            return letters == 0 && digits >= MIN_NUMBER && digits <= MAX_NUMBER && !year(s.substring(from, to));
        }

        private static boolean year(String digits) {
            return digits.length() == 4 && (digits.startsWith("19") || digits.startsWith("20"));
        }
    }
}
