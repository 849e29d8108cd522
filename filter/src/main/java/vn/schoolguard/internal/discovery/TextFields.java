package vn.schoolguard.internal.discovery;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Whether a posted field looks like something a person wrote for others to read: by its name or by its value. */
final class TextFields {

    /** Name parts of text fields, in English and Vietnamese (without tone marks, as a field name is written). */
    private static final Set<String> TEXT_NAMES = Set.of("comment", "comments", "content", "message", "msg", "text",
            "body", "question", "answer", "feedback", "review", "reply", "description", "note", "post", "story",
            "noidung", "binhluan", "cauhoi", "traloi", "gopy", "ykien", "phanhoi", "tinnhan", "loinhan", "thacmac",
            "camnhan", "ghichu", "mota");
    /** Names that are never user text even when long (secrets, tokens, state). */
    private static final Set<String> NEVER = Set.of("password", "passwd", "pass", "matkhau", "csrf", "token", "xsrf",
            "nonce", "captcha", "viewstate", "signature", "hash", "jsessionid", "g-recaptcha-response");

    private final int minChars;

    TextFields(int minChars) {
        this.minChars = minChars;
    }

    boolean isText(String name, List<String> values) {
        String key = squash(name);
        if (NEVER.stream().anyMatch(key::contains)) {
            return false;
        }
        for (String part : name.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (TEXT_NAMES.contains(part)) {
                return true;
            }
        }
        for (String text : TEXT_NAMES) {
            // commentText, noiDungBinhLuan; short words only whole, so that postcode is not a post.
            if (key.equals(text) || (text.length() >= 6 && (key.startsWith(text) || key.endsWith(text)))) {
                return true;
            }
        }
        for (String value : values) {
            if (looksWritten(value)) {
                return true;
            }
        }
        return false;
    }

    /** Letters and spaces, several words, long enough: prose rather than an id, a date or a token. */
    private boolean looksWritten(String value) {
        if (value == null || value.length() < minChars) {
            return false;
        }
        int letters = 0;
        int spaces = 0;
        int sample = Math.min(value.length(), 2000);
        for (int i = 0; i < sample; i++) {
            char c = value.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
            } else if (Character.isWhitespace(c)) {
                spaces++;
            }
        }
        return spaces >= 2 && letters + spaces >= sample * 0.7;
    }

    /** Lower case, no tone marks, no separators: {@code Nội_dung} → {@code noidung}. */
    static String squash(String name) {
        String plain = Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace('đ', 'd');
        return plain.replaceAll("[^a-z0-9]", "");
    }
}
