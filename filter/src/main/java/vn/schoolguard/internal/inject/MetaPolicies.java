package vn.schoolguard.internal.inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code <meta http-equiv="Content-Security-Policy" content=...>} policies of a page's head, as a browser applies
 * them: elements before {@code <body>}, not inside comments or raw-text elements ({@code script}, {@code style},
 * {@code noscript}, {@code template}, {@code title}...), attribute values with character references decoded.
 */
final class MetaPolicies {

    private static final Set<String> RAW_TEXT = Set.of("script", "style", "noscript", "template", "title", "textarea",
            "xmp", "iframe", "noembed", "noframes");

    private MetaPolicies() {
    }

    /** The policies found in {@code head} (the start of a page), in document order. */
    static List<String> in(String head) {
        List<String> policies = new ArrayList<>();
        String lower = head.toLowerCase(Locale.ROOT);
        int i = 0;
        int n = head.length();
        while (i < n) {
            int lt = head.indexOf('<', i);
            if (lt < 0 || lt + 1 >= n) {
                break;
            }
            if (head.startsWith("<!--", lt)) {
                int end = head.indexOf("-->", lt + 4);
                i = end < 0 ? n : end + 3;
                continue;
            }
            char next = head.charAt(lt + 1);
            if (next == '!' || next == '?' || next == '/') {
                int end = head.indexOf('>', lt);
                i = end < 0 ? n : end + 1;
                continue;
            }
            if (!Character.isLetter(next)) {
                i = lt + 1;
                continue;
            }
            Tag tag = Tag.read(head, lt + 1);
            if (tag.name.equals("body")) {
                break;
            }
            if (tag.name.equals("meta") && "content-security-policy".equals(tag.httpEquiv) && tag.content != null) {
                policies.add(tag.content);
            }
            i = tag.end;
            if (RAW_TEXT.contains(tag.name)) {
                int close = lower.indexOf("</" + tag.name, i);
                i = close < 0 ? n : close;
            }
        }
        return policies;
    }

    /** One start tag: its name, the two attributes wanted, and where it ends. */
    private record Tag(String name, String httpEquiv, String content, int end) {

        static Tag read(String html, int from) {
            int n = html.length();
            int i = from;
            while (i < n && !isSpace(html.charAt(i)) && html.charAt(i) != '>' && html.charAt(i) != '/') {
                i++;
            }
            String name = html.substring(from, i).toLowerCase(Locale.ROOT);
            String httpEquiv = null;
            String content = null;
            while (i < n && html.charAt(i) != '>') {
                char c = html.charAt(i);
                if (isSpace(c) || c == '/') {
                    i++;
                    continue;
                }
                int nameStart = i;
                while (i < n && !isSpace(html.charAt(i)) && "=>/".indexOf(html.charAt(i)) < 0) {
                    i++;
                }
                String attribute = html.substring(nameStart, i).toLowerCase(Locale.ROOT);
                while (i < n && isSpace(html.charAt(i))) {
                    i++;
                }
                String value = "";
                if (i < n && html.charAt(i) == '=') {
                    i++;
                    while (i < n && isSpace(html.charAt(i))) {
                        i++;
                    }
                    int valueStart;
                    int valueEnd;
                    if (i < n && (html.charAt(i) == '"' || html.charAt(i) == '\'')) {
                        char quote = html.charAt(i);
                        valueStart = i + 1;
                        valueEnd = html.indexOf(quote, valueStart);
                        valueEnd = valueEnd < 0 ? n : valueEnd;
                        i = Math.min(n, valueEnd + 1);
                    } else {
                        valueStart = i;
                        while (i < n && !isSpace(html.charAt(i)) && html.charAt(i) != '>') {
                            i++;
                        }
                        valueEnd = i;
                    }
                    value = decode(html.substring(valueStart, valueEnd));
                }
                // The first occurrence of an attribute counts, as in the HTML parser.
                if (attribute.equals("http-equiv") && httpEquiv == null) {
                    httpEquiv = value.toLowerCase(Locale.ROOT);
                } else if (attribute.equals("content") && content == null) {
                    content = value;
                }
            }
            return new Tag(name, httpEquiv, content, Math.min(n, i + 1));
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    /** Decodes numeric and the common named character references; CSP text needs no others. */
    static String decode(String value) {
        return CharacterReferences.decode(value, MetaPolicies::named);
    }

    private static String named(String ref) {
        return switch (ref) {
            case "amp" -> "&";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "lt" -> "<";
            case "gt" -> ">";
            case "semi" -> ";";
            case "colon" -> ":";
            case "sol" -> "/";
            case "ast" -> "*";
            case "nbsp" -> " ";
            default -> null;
        };
    }
}
