package vn.schoolguard.internal.db;

/** Checks search texts before they reach a query: PostgreSQL text cannot hold NUL, and no search needs a control character. */
public final class SearchText {

    private SearchText() {
    }

    /** Why {@code text}, given as {@code parameter}, cannot be searched for, or null when it can. */
    public static String problem(String parameter, String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return parameter + " must not contain a control character (found U+" + String.format("%04X", (int) c)
                        + " at position " + (i + 1) + ")";
            }
        }
        return null;
    }
}
