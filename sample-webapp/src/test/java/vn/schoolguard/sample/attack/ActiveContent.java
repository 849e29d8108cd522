package vn.schoolguard.sample.attack;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts what in a page can run or redirect: script-capable elements, event-handler attributes, script URLs and
 * CSS expressions. The suite compares the counts of a public page before and after a case, so anything active an
 * attacker gets onto the page shows up as a rise, whatever the page already carried (the EMC tracker, say).
 */
final class ActiveContent {

    private static final Pattern TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9:-]*)([^>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([^\\s\"'>/=]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+)))?");
    private static final java.util.Set<String> ACTIVE_ELEMENTS = java.util.Set.of("script", "iframe", "frame",
            "frameset", "object", "embed", "applet", "base", "meta", "link", "style", "form", "svg", "math", "template",
            "portal", "noscript", "xmp", "plaintext", "isindex");
    private static final Pattern SCRIPT_URL = Pattern.compile("^(?:javascript|vbscript|livescript|data\\s*:\\s*text/html)\\s*:?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CSS_EXPRESSION = Pattern.compile("expression\\s*\\(|url\\s*\\(\\s*['\"]?\\s*javascript",
            Pattern.CASE_INSENSITIVE);

    private ActiveContent() {
    }

    /** How often each kind of active thing occurs in {@code html}, by a signature such as {@code script[src]}. */
    static Map<String, Integer> count(String html) {
        Map<String, Integer> counts = new TreeMap<>();
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            String name = tag.group(1).toLowerCase(Locale.ROOT);
            String attributes = tag.group(2);
            if (ACTIVE_ELEMENTS.contains(name)) {
                counts.merge(name + signature(attributes), 1, Integer::sum);
            }
            Matcher attribute = ATTRIBUTE.matcher(attributes);
            while (attribute.find()) {
                String attributeName = attribute.group(1).toLowerCase(Locale.ROOT);
                String value = firstNonNull(attribute.group(2), attribute.group(3), attribute.group(4));
                if (attributeName.startsWith("on")) {
                    counts.merge("event-handler " + attributeName + " on <" + name + ">", 1, Integer::sum);
                }
                if (value != null) {
                    String decoded = decodeLightly(value);
                    if (SCRIPT_URL.matcher(decoded).find()) {
                        counts.merge("script-url in " + attributeName + " of <" + name + ">", 1, Integer::sum);
                    }
                    if (attributeName.equals("style") && CSS_EXPRESSION.matcher(decoded).find()) {
                        counts.merge("css-expression on <" + name + ">", 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }

    /** The attribute names of an element, sorted, without the ones that change per page view. */
    private static String signature(String attributes) {
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        Matcher attribute = ATTRIBUTE.matcher(attributes);
        while (attribute.find()) {
            String name = attribute.group(1).toLowerCase(Locale.ROOT);
            if (!name.equals("nonce")) {
                names.add(name);
            }
        }
        return names.toString();
    }

    // Browsers decode entities and drop control characters and spaces inside a URL's scheme.
    private static String decodeLightly(String value) {
        String text = value.replaceAll("(?i)&#x0*([0-9a-f]+);?", "\u0000$1\u0000");
        StringBuilder decoded = new StringBuilder();
        Matcher hex = Pattern.compile("\u0000([0-9a-fA-F]+)\u0000").matcher(text);
        while (hex.find()) {
            hex.appendReplacement(decoded, Matcher.quoteReplacement(codePoint(hex.group(1), 16)));
        }
        hex.appendTail(decoded);
        Matcher dec = Pattern.compile("&#0*([0-9]+);?").matcher(decoded.toString());
        StringBuilder out = new StringBuilder();
        while (dec.find()) {
            dec.appendReplacement(out, Matcher.quoteReplacement(codePoint(dec.group(1), 10)));
        }
        dec.appendTail(out);
        return out.toString().replace("&colon;", ":").replace("&Tab;", "").replace("&NewLine;", "")
                .replaceAll("[\\x00-\\x20]", "");
    }

    private static String codePoint(String digits, int radix) {
        try {
            int cp = Integer.parseInt(digits, radix);
            return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : "";
        } catch (NumberFormatException e) {
            return "";
        }
    }

    private static String firstNonNull(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
