package vn.schoolguard.internal.inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A lenient JavaScript tokenizer for {@link TrackerScript}: identifiers, numbers, string values (escapes decoded),
 * punctuation; comments, white space and regular expression literals are passed over, so that what they contain
 * never reads as code. Lenient: never fails on broken code.
 */
final class ScriptTokens {

    /** What a token is; {@code OTHER} stands for a regular expression or an unfinished template. */
    enum Kind { IDENT, NUMBER, STRING, PUNCT, OTHER }

    /** One token; a string's text is its decoded value. */
    record Token(Kind kind, String text) {
        boolean is(String punctuation) {
            return kind == Kind.PUNCT && text.equals(punctuation);
        }
    }

    private static final Set<String> BEFORE_REGEX = Set.of("return", "typeof", "instanceof", "in", "of", "new",
            "delete", "void", "throw", "case", "do", "else", "yield", "await");

    private ScriptTokens() {
    }

    /** The tokens of {@code c[0, n)}, without white space and comments. */
    static List<Token> of(char[] c, int n) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        boolean lineStart = true;
        while (i < n) {
            char ch = c[i];
            if (ch == '\n' || ch == '\r' || ch == '\u2028' || ch == '\u2029') {
                lineStart = true;
                i++;
            } else if (ch <= ' ' || ch == '\u00a0' || ch == '\ufeff') {
                i++;
            } else if (ch == '/' && i + 1 < n && c[i + 1] == '/'
                    || startsWith(c, n, i, "<!--") || lineStart && startsWith(c, n, i, "-->")) {
                // Line comments, including the HTML-like ones that old templates wrap their scripts in.
                i = lineEnd(c, i, n);
            } else if (ch == '/' && i + 1 < n && c[i + 1] == '*') {
                int close = indexOf(c, n, i + 2, "*/");
                i = close < 0 ? n : close + 2;
            } else {
                lineStart = false;
                i = token(c, n, i, out);
            }
        }
        return out;
    }

    /** Reads the token at {@code i} (not white space or a comment) into {@code out}; returns where it ends. */
    private static int token(char[] c, int n, int i, List<Token> out) {
        char ch = c[i];
        if (ch == '\'' || ch == '"') {
            StringBuilder value = new StringBuilder();
            int end = string(c, n, i + 1, ch, value);
            out.add(new Token(Kind.STRING, value.toString()));
            return end;
        }
        if (ch == '`') {
            StringBuilder value = new StringBuilder();
            int end = template(c, n, i + 1, value);
            out.add(end < 0 ? new Token(Kind.OTHER, "`") : new Token(Kind.STRING, value.toString()));
            return Math.abs(end);
        }
        boolean number = digit(ch) || ch == '.' && i + 1 < n && digit(c[i + 1]);
        if (number || identifierPart(ch)) {
            int end = i + 1;
            while (end < n && (identifierPart(c[end]) || number && c[end] == '.')) {
                end++;
            }
            out.add(new Token(number ? Kind.NUMBER : Kind.IDENT, new String(c, i, end - i)));
            return end;
        }
        if (ch == '/' && regexAllowed(out.isEmpty() ? null : out.get(out.size() - 1))) {
            out.add(new Token(Kind.OTHER, "/"));
            return regex(c, n, i + 1);
        }
        out.add(new Token(Kind.PUNCT, String.valueOf(ch)));
        return i + 1;
    }

    /** Reads a quoted string's value from {@code i} (after the quote); returns the index after the closing quote. */
    private static int string(char[] c, int n, int i, char quote, StringBuilder value) {
        while (i < n && c[i] != quote) {
            if (c[i] == '\\' && i + 1 < n) {
                i = escape(c, n, i + 1, value);
            } else if (c[i] == '\n' || c[i] == '\r') {
                return i;
            } else {
                value.append(c[i++]);
            }
        }
        return Math.min(i + 1, n);
    }

    /**
     * Reads a template literal from {@code i}; returns the index after it, negated when it has a substitution
     * (then it is no constant string).
     */
    private static int template(char[] c, int n, int i, StringBuilder value) {
        boolean substituted = false;
        while (i < n && c[i] != '`') {
            if (c[i] == '\\' && i + 1 < n) {
                i = escape(c, n, i + 1, value);
            } else if (c[i] == '$' && i + 1 < n && c[i + 1] == '{') {
                substituted = true;
                int depth = 0;
                while (i < n && !(c[i] == '}' && --depth == 0)) {
                    if (c[i] == '{') {
                        depth++;
                    }
                    i++;
                }
                i++;
            } else {
                value.append(c[i++]);
            }
        }
        int end = Math.min(i + 1, n);
        return substituted ? -end : end;
    }

    /** Decodes the escape whose letter is at {@code i}; returns the index after it. */
    private static int escape(char[] c, int n, int i, StringBuilder value) {
        char e = c[i];
        int hexLength = e == 'x' ? 2 : e == 'u' && !(i + 1 < n && c[i + 1] == '{') ? 4 : 0;
        if (hexLength > 0 && i + hexLength < n) {
            try {
                value.append((char) Integer.parseInt(new String(c, i + 1, hexLength), 16));
                return i + 1 + hexLength;
            } catch (NumberFormatException notHex) {
                value.append(e);
                return i + 1;
            }
        }
        if (e == 'u') {
            int close = indexOf(c, n, i, "}");
            try {
                value.appendCodePoint(Integer.parseInt(new String(c, i + 2, close - i - 2), 16));
                return close + 1;
            } catch (RuntimeException notHex) {
                value.append(e);
                return i + 1;
            }
        }
        switch (e) {
            case 'n' -> value.append('\n');
            case 't' -> value.append('\t');
            case 'r' -> value.append('\r');
            case 'b' -> value.append('\b');
            case 'f' -> value.append('\f');
            case 'v' -> value.append('\u000b');
            case '0' -> value.append('\0');
            case '\n', '\r', '\u2028', '\u2029' -> { }
            default -> value.append(e);
        }
        return i + 1;
    }

    /** Skips a regular expression literal from {@code i} (after its slash); returns the index after its flags. */
    private static int regex(char[] c, int n, int i) {
        boolean inClass = false;
        while (i < n && c[i] != '\n' && c[i] != '\r') {
            char ch = c[i++];
            if (ch == '\\') {
                i++;
            } else if (ch == '[') {
                inClass = true;
            } else if (ch == ']') {
                inClass = false;
            } else if (ch == '/' && !inClass) {
                break;
            }
        }
        while (i < n && identifierPart(c[i])) {
            i++;
        }
        return Math.min(i, n);
    }

    // After a value a slash divides; after an operator, an opening bracket or a keyword it starts a regex.
    private static boolean regexAllowed(Token previous) {
        if (previous == null) {
            return true;
        }
        return switch (previous.kind()) {
            case PUNCT -> !previous.is(")") && !previous.is("]") && !previous.is("}");
            case IDENT -> BEFORE_REGEX.contains(previous.text());
            default -> false;
        };
    }

    private static boolean digit(char ch) {
        return ch >= '0' && ch <= '9';
    }

    private static boolean identifierPart(char ch) {
        return ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '_' || ch == '$'
                || ch > 0x7f && Character.isJavaIdentifierPart(ch);
    }

    private static int lineEnd(char[] c, int i, int n) {
        while (i < n && c[i] != '\n' && c[i] != '\r' && c[i] != '\u2028' && c[i] != '\u2029') {
            i++;
        }
        return i;
    }

    private static boolean startsWith(char[] c, int n, int i, String s) {
        if (i + s.length() > n) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (c[i + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(char[] c, int n, int from, String s) {
        for (int i = from; i + s.length() <= n; i++) {
            if (startsWith(c, n, i, s)) {
                return i;
            }
        }
        return -1;
    }
}
