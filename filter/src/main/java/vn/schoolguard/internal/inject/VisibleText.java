package vn.schoolguard.internal.inject;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The text a visitor sees in an HTML page or fragment: markup, comments, attributes, scripts, styles, the
 * document head and form field contents are left out, character references are decoded and block elements
 * become line breaks. A lenient one-pass scan: it never fails on broken markup and costs time linear in the
 * input. Internal; public for the moderation package.
 */
public final class VisibleText {

    /** Elements whose content a visitor does not read as page text. */
    private static final Set<String> SKIPPED = Set.of("script", "style", "template", "head", "textarea", "select",
            "noscript", "title", "svg", "iframe", "object");
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "ul", "ol", "tr", "td", "th", "table",
            "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer", "nav", "main", "aside",
            "blockquote", "pre", "form", "dd", "dt", "dl", "hr", "figure", "figcaption", "label", "button", "option");
    private static final Map<String, String> ENTITIES = Map.ofEntries(Map.entry("amp", "&"), Map.entry("lt", "<"),
            Map.entry("gt", ">"), Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("nbsp", " "),
            Map.entry("ndash", "–"), Map.entry("mdash", "—"), Map.entry("hellip", "…"), Map.entry("laquo", "«"),
            Map.entry("raquo", "»"), Map.entry("lsquo", "‘"), Map.entry("rsquo", "’"), Map.entry("ldquo", "“"),
            Map.entry("rdquo", "”"), Map.entry("copy", "©"));

    private VisibleText() {
    }

    /** The visible text of {@code html}, one line per block. */
    // Security-critical: what counts as "shown on a page" for publication; attributes and comments never count.
    public static String of(String html) {
        StringBuilder out = new StringBuilder(Math.min(html.length(), 1 << 16));
        int i = 0;
        int n = html.length();
        while (i < n) {
            char c = html.charAt(i);
            if (c != '<') {
                int next = html.indexOf('<', i);
                int end = next < 0 ? n : next;
                out.append(decode(html.substring(i, end)));
                i = end;
                continue;
            }
            if (html.startsWith("<!--", i)) {
                int close = html.indexOf("-->", i + 4);
                i = close < 0 ? n : close + 3;
                continue;
            }
            int close = tagEnd(html, i + 1);
            String name = tagName(html, i + 1);
            if (name.isEmpty()) {
                // "<" followed by something that is no tag ("a < b") is text; "<!", "<?" and "</" junk is not.
                char after = i + 1 < n ? html.charAt(i + 1) : ' ';
                if (after == '!' || after == '?' || after == '/') {
                    i = close;
                } else {
                    out.append('<');
                    i++;
                }
                continue;
            }
            boolean closing = html.charAt(i + 1) == '/';
            if (BLOCKS.contains(name)) {
                out.append('\n');
            }
            i = close;
            if (!closing && SKIPPED.contains(name) && !selfClosed(html, close)) {
                int end = indexOfIgnoreCase(html, "</" + name, i);
                i = end < 0 ? n : tagEnd(html, end + 2);
            }
        }
        return out.toString();
    }

    /** Decodes character references in text: named common ones, decimal and hexadecimal. */
    public static String decode(String text) {
        return CharacterReferences.decode(text, ref -> ENTITIES.get(ref.toLowerCase(Locale.ROOT)));
    }

    /** The lower-case element name of a tag starting after '<' (and an optional '/'), or empty. */
    private static String tagName(String html, int at) {
        int i = at < html.length() && html.charAt(at) == '/' ? at + 1 : at;
        int start = i;
        while (i < html.length() && (Character.isLetterOrDigit(html.charAt(i)) || html.charAt(i) == '-')) {
            i++;
        }
        if (i == start || !Character.isLetter(html.charAt(start))) {
            return "";
        }
        return html.substring(start, i).toLowerCase(Locale.ROOT);
    }

    /** The index just past the '>' ending a tag, minding quoted attribute values. */
    private static int tagEnd(String html, int from) {
        char quote = 0;
        for (int i = from; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        return html.length();
    }

    private static boolean selfClosed(String html, int close) {
        return close >= 2 && html.charAt(close - 1) == '>' && html.charAt(close - 2) == '/';
    }

    private static int indexOfIgnoreCase(String html, String needle, int from) {
        for (int i = from; i <= html.length() - needle.length(); i++) {
            if (html.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }
}
