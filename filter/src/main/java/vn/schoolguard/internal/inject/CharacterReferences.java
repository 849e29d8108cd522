package vn.schoolguard.internal.inject;

import java.util.function.Function;

/**
 * Decodes the character references of HTML text: decimal and hexadecimal ones, and the named ones a caller knows;
 * anything else is left as it is. A reference is at most ten characters from {@code &} to {@code ;}.
 */
final class CharacterReferences {

    private CharacterReferences() {
    }

    /** {@code text} with its references decoded; {@code named} gives a named reference's text, or null. */
    static String decode(String text, Function<String, String> named) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int semi = c == '&' ? text.indexOf(';', i) : -1;
            if (semi > i + 1 && semi - i <= 10) {
                String ref = text.substring(i + 1, semi);
                String decoded = reference(ref, named);
                if (decoded != null) {
                    out.append(decoded);
                    i = semi + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static String reference(String ref, Function<String, String> named) {
        try {
            if (ref.startsWith("#x") || ref.startsWith("#X")) {
                return Character.toString(Integer.parseInt(ref.substring(2), 16));
            }
            if (ref.startsWith("#")) {
                return Character.toString(Integer.parseInt(ref.substring(1)));
            }
        } catch (IllegalArgumentException notANumber) {
            return null;
        }
        return named.apply(ref);
    }
}
