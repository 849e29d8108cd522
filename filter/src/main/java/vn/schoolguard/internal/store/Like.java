package vn.schoolguard.internal.store;

/**
 * LIKE patterns that match a text literally. Every query that uses them says {@code ESCAPE '\'}, so a poster's or
 * a moderator's {@code %}, {@code _} and {@code \} are plain characters, never wildcards.
 */
final class Like {

    private Like() {
    }

    // Security-critical: the backslash goes first, or the escapes added for % and _ would be doubled.
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A pattern matching any text that contains {@code text}. */
    static String containing(String text) {
        return "%" + escape(text) + "%";
    }
}
