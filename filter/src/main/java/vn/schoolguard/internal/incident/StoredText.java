package vn.schoolguard.internal.incident;

/** Text of an incident or a home check as it is stored, whatever a page or an attacker put in it. */
final class StoredText {

    private StoredText() {
    }

    /**
     * NUL (refused by PostgreSQL) and other control characters but tab and newline become U+FFFD; cut at {@code max}
     * UTF-16 units, never inside a surrogate pair; null becomes empty.
     */
    static String of(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (out.length() + Character.charCount(c) > max) {
                break;
            }
            out.appendCodePoint(Character.isISOControl(c) && c != '\t' && c != '\n' ? 0xFFFD : c);
            i += Character.charCount(c);
        }
        return out.toString();
    }
}
