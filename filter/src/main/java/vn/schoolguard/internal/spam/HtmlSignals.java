package vn.schoolguard.internal.spam;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Links, link hosts and hidden-link markup found in a raw posted value. */
final class HtmlSignals {

    private static final Pattern URL = Pattern.compile(
            "(?i)(?:\\b(?:https?|ftp)\\s*:\\s*/\\s*/|\\bwww\\.)([a-z0-9\\p{L}-]{1,63}(?:\\.[a-z0-9\\p{L}-]{1,63}){0,8})");
    private static final Pattern HREF = Pattern.compile("(?i)\\bhref\\s*=");
    /** The start of a style attribute, up to its value (possessive: nothing to rescan). */
    private static final Pattern STYLE = Pattern.compile("(?i)style\\s{0,20}+=\\s{0,20}+[\"']?+");
    /** CSS in a style value that hides the element. Run only on one value at a time (at most 300 characters). */
    private static final Pattern HIDING_CSS = Pattern.compile("(?i)(?:display\\s*+:\\s*+none"
            + "|visibility\\s*+:\\s*+hidden|font-size\\s*+:\\s*+0(?![.\\d]*[1-9])|(?:left|top|text-indent|margin-left)\\s*+:\\s*+-\\d{3,}"
            + "|opacity\\s*+:\\s*+0(?:\\.0+)?(?![.\\d])|(?:height|width|max-height)\\s*+:\\s*+0(?![.\\d]*[1-9])"
            + "|overflow\\s*+:\\s*+hidden[^\"'>]{0,80}?(?:height|width)\\s*+:\\s*+[01]px)");
    /** The hidden attribute on any element. */
    private static final Pattern HIDDEN_ATTRIBUTE = Pattern.compile("(?i)<[a-z][^>]{0,300}?\\shidden(?:\\s|>|=)");
    private static final int STYLE_VALUE_REACH = 300;
    private static final Pattern ANCHOR = Pattern.compile("(?i)<a\\b[^>]{0,500}?href");
    private static final int HIDDEN_REACH = 3000;

    private final List<String> hosts;
    private final int linkCount;
    private final int hiddenLinks;

    private HtmlSignals(List<String> hosts, int linkCount, int hiddenLinks) {
        this.hosts = hosts;
        this.linkCount = linkCount;
        this.hiddenLinks = hiddenLinks;
    }

    /** The patterns used here, by name, for the bounded-time tests. */
    static Map<String, Pattern> patterns() {
        return new TreeMap<>(Map.of("URL", URL, "HREF", HREF, "STYLE", STYLE, "HIDING_CSS", HIDING_CSS,
                "HIDDEN_ATTRIBUTE", HIDDEN_ATTRIBUTE, "ANCHOR", ANCHOR));
    }

    static HtmlSignals of(String raw, Budget budget) {
        CharSequence text = budget.guard(raw);
        // Candidate starts are found with plain searches; a pattern runs only where one of its literals stands.
        String lower = searchable(raw);
        List<String> hosts = new ArrayList<>();
        int links = 0;
        Matcher url = URL.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        LinkStarts starts = new LinkStarts(lower);
        for (int at = starts.next(0); at >= 0; at = starts.next(at + 1)) {
            if (url.region(at, text.length()).lookingAt()) {
                links++;
                hosts.add(url.group(1).toLowerCase(Locale.ROOT));
                at = url.end() - 1;
            }
        }
        Matcher href = HREF.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int hrefs = 0;
        for (int at = lower.indexOf("href"); at >= 0; at = lower.indexOf("href", at + 1)) {
            if (href.region(at, text.length()).lookingAt()) {
                hrefs++;
            }
        }
        // An href with a relative or odd target is still a link; absolute ones were counted above.
        links = Math.max(links, hrefs);
        int hidden = 0;
        int searchedTo = 0;
        for (int[] range : hidingRanges(text, lower)) {
            int from = Math.max(range[0], searchedTo);
            int to = Math.min(raw.length(), range[1] + HIDDEN_REACH);
            if (from < to) {
                Matcher anchor = ANCHOR.matcher(text).region(from, to);
                while (anchor.find()) {
                    hidden++;
                }
            }
            searchedTo = Math.max(searchedTo, to);
        }
        return new HtmlSignals(hosts, links, hidden);
    }

    /**
     * Where markup hides its content, in text order. Each style value is examined once, from its start up to
     * its closing quote or {@code >} (at most 300 characters), so runs of "style=" cost linear time.
     */
    private static List<int[]> hidingRanges(CharSequence text, String lower) {
        List<int[]> ranges = new ArrayList<>();
        if (lower.contains("style")) {
            Matcher style = STYLE.matcher(text);
            Matcher css = HIDING_CSS.matcher(text);
            int at = 0;
            while (at < text.length() && style.find(at)) {
                int valueStart = style.end();
                int valueEnd = valueStart;
                int limit = Math.min(text.length(), valueStart + STYLE_VALUE_REACH);
                while (valueEnd < limit && "\"'>".indexOf(text.charAt(valueEnd)) < 0) {
                    valueEnd++;
                }
                if (css.region(valueStart, valueEnd).find()) {
                    ranges.add(new int[] {style.start(), css.end()});
                }
                at = Math.max(valueEnd, style.start() + 1);
            }
        }
        if (lower.contains("hidden")) {
            Matcher attribute = HIDDEN_ATTRIBUTE.matcher(text);
            while (attribute.find()) {
                ranges.add(new int[] {attribute.start(), attribute.end()});
            }
        }
        ranges.sort((a, b) -> Integer.compare(a[0], b[0]));
        return ranges;
    }

    /** Where a link may start ("http", "ftp" or "www."), in text order; each literal is searched for once per place. */
    private static final class LinkStarts {
        private static final String[] LITERALS = {"http", "ftp", "www."};
        private final String lower;
        private final int[] next = {-2, -2, -2};

        LinkStarts(String lower) {
            this.lower = lower;
        }

        /** The first candidate at or after {@code from}, or -1. */
        int next(int from) {
            int first = -1;
            for (int i = 0; i < LITERALS.length; i++) {
                if (next[i] != -1 && next[i] < from) {
                    next[i] = lower.indexOf(LITERALS[i], from);
                }
                if (next[i] >= 0 && (first < 0 || next[i] < first)) {
                    first = next[i];
                }
            }
            return first;
        }
    }

    /**
     * The text to search for the (ASCII) literals in: ASCII letters in lower case, other ASCII as it is, every other
     * character as U+0080, which no literal holds. The same length and offsets as {@code raw}, one byte a character.
     */
    static String searchable(String raw) {
        // From a copy of the characters and without a branch: a string's charAt checks its coding and bounds at every
        // character, and letters, other ASCII and other characters alternate too often to predict.
        char[] chars = raw.toCharArray();
        byte[] bytes = new byte[chars.length];
        for (int i = 0; i < chars.length; i++) {
            int c = chars[i];
            // 32 for 'A' to 'Z' (both differences at least 0), else 0; all ones beyond ASCII, else 0.
            int upper = (~((c - 'A') | ('Z' - c)) >>> 31) << 5;
            int beyond = (0x7F - c) >> 31;
            bytes[i] = (byte) (((c + upper) & ~beyond) | (0x80 & beyond));
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    List<String> hosts() {
        return hosts;
    }

    int linkCount() {
        return linkCount;
    }

    int hiddenLinks() {
        return hiddenLinks;
    }
}
