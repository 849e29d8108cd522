package vn.schoolguard.internal.spam;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The views of one submission's text that rules match on, built once per score. */
final class Analysis {

    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});?");
    /**
     * Bracketed or spelled-out dots: "(.)", "[.]", "[dot]", "(chấm)". No white space around the brackets (the
     * domain view collapses it anyway): a leading {@code \s*} rescanned a run of spaces from every position,
     * quadratic on a post of spaces. Inside, possessive and bounded.
     */
    private static final Pattern BRACKET_DOT = Pattern.compile("[(\\[{]\\s{0,8}+(?:\\.|dot|cham)\\s{0,8}+[)\\]}]");
    private static final String TLD = "com|net|org|vip|info|club|io|me|co|cc|tv|top|xyz|bet|win|fun|live|online|site|app|pro|asia|link|biz|vn|ws|in|us|bz|la";
    /** Top-level domains that are not also Vietnamese words once tone marks are folded. */
    private static final String SAFE_TLD = "com|net|vip|info|club|cc|xyz|bet|win|online|site|io|pro|asia|biz|ws|bz|fun";
    /** A plain dot before any top-level domain. */
    private static final Pattern DOTTED_TIGHT = Pattern.compile(
            "(?<![a-z0-9-])([a-z0-9](?:[a-z0-9-]{0,40}[a-z0-9])?)\\.((?:com\\.vn|" + TLD + "))(?![a-z0-9])");
    /** Spaces around the dot, or "chấm"/"dot": only before top-level domains that are not Vietnamese words. */
    private static final Pattern DOTTED_LOOSE = Pattern.compile(
            "(?<![a-z0-9-])([a-z0-9](?:[a-z0-9-]{0,40}[a-z0-9])?)(?: ?\\. ?| (?:cham|dot) )((?:com ?\\. ?vn|" + SAFE_TLD + "))(?![a-z0-9])");
    /**
     * A label and a top-level domain with one space between: the label has a digit or ends like a brand ("go88 vip",
     * "789 club"). A number of one or two digits alone is a grade, a class or a model ("lớp 10 online", "Toán 9
     * online", "iPhone 15 Pro"), not a label; spelled with "chấm" ("99 chấm vip") it still is one.
     */
    private static final Pattern SPACED = Pattern.compile(
            "(?<![a-z0-9-])(?!\\d{1,2}\\s)([a-z]{0,12}\\d[a-z0-9]{0,12}|[a-z0-9]{1,12}(?:bet|win|club|vip))\\s(" + SAFE_TLD + ")(?![a-z0-9.])");

    /**
     * How far a match of a domain pattern reaches before the start of its top-level domain: a label of at most 42
     * characters ({@code [a-z0-9](?:[a-z0-9-]{0,40}[a-z0-9])?}; the spaced pattern's is at most 25) and a separator of
     * at most 6 (" cham "; the spaced pattern's is one character). The lookbehinds read further, outside the match.
     */
    static final int MATCH_BEFORE = 42 + 6;
    /** How far a match reaches from the start of its top-level domain: "com . vn", the longest, is 8 characters. */
    static final int MATCH_AFTER = 8;

    static final Set<String> TLDS = Set.of(TLD.split("\\|"));
    static final Set<String> SAFE_TLDS = Set.of(SAFE_TLD.split("\\|"));
    static final int SHORTEST_TLD = TLDS.stream().mapToInt(String::length).min().orElseThrow();
    static final int LONGEST_TLD = TLDS.stream().mapToInt(String::length).max().orElseThrow();

    private static final Pattern DOT_RUN = Pattern.compile("[ .]++");

    /** What a reader sees: tags out, entities decoded (not folded). */
    final String visible;
    /** {@link #visible}, folded, punctuation kept. */
    final String folded;
    final String words;
    final String joined;
    final String compact;
    /** Domains named in the text, plain or disguised. */
    final Set<String> textDomains;
    /** Those of {@link #textDomains} that were disguised. */
    final Set<String> spelledDomains;
    /** {@link #words}, {@link #joined} and {@link #compact} as bytes, for the scans that read them in place. */
    final WordViews views;

    private Analysis(String visible, String folded, WordViews views, Set<String> textDomains, Set<String> spelledDomains) {
        this.visible = visible;
        this.folded = folded;
        this.views = views;
        this.words = views.words;
        this.joined = views.joined;
        this.compact = views.compact;
        this.textDomains = textDomains;
        this.spelledDomains = spelledDomains;
    }

    /** The patterns used here, by name, for the bounded-time tests. */
    static Map<String, Pattern> patterns() {
        return new TreeMap<>(Map.of("ENTITY", ENTITY, "BRACKET_DOT", BRACKET_DOT, "DOTTED_TIGHT", DOTTED_TIGHT,
                "DOTTED_LOOSE", DOTTED_LOOSE, "SPACED", SPACED, "DOT_RUN", DOT_RUN));
    }

    /** Without a time budget, for tests and helpers. */
    static Analysis of(String raw) {
        return of(raw, Budget.UNLIMITED);
    }

    static Analysis of(String raw, Budget budget) {
        String visible = visibleText(raw, budget);
        String folded = TextNormalizer.fold(visible);
        budget.check();
        WordViews views = WordViews.of(folded);
        budget.check();
        Set<String> domains = textDomains(folded, views, budget);
        Set<String> spelled = new LinkedHashSet<>();
        for (String domain : domains) {
            if (!isPlain(folded, domain)) {
                spelled.add(domain);
            }
        }
        return new Analysis(visible, folded, views, domains, spelled);
    }

    /** Tags out, entities decoded, pathological mark runs cut: what a reader of the page would see. */
    static String visibleText(String raw, Budget budget) {
        String text = Tags.strip(raw, budget);
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = ENTITY.matcher(budget.guard(text));
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String entity(String name, String whole) {
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return codePoint(Integer.parseInt(name.substring(2), 16));
            }
            if (name.startsWith("#")) {
                return codePoint(Integer.parseInt(name.substring(1)));
            }
        } catch (NumberFormatException e) {
            return " ";
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            case "nbsp", "ensp", "emsp", "thinsp" -> " ";
            case "period" -> ".";
            case "zwj", "zwnj", "shy" -> "";
            default -> whole;
        };
    }

    private static String codePoint(int cp) {
        return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : " ";
    }


    /** Domains named in the text, plainly or in disguise: with spaces, "chấm", "dot", bracketed dots or letter by letter. */
    private static Set<String> textDomains(String folded, WordViews views, Budget budget) {
        // Without a bracketed dot the domain view is of the folded text: read from the characters the word views copied.
        String plain = mayHaveBracketDot(folded) ? domainView(folded, budget) : WordViews.domainView(views.chars);
        return domains(plain, budget, true);
    }

    /** The text as the domain patterns see it: letters, digits, dots and dashes, single spaces, spelled letters joined. */
    static String domainView(String folded, Budget budget) {
        String text = mayHaveBracketDot(folded) ? joinBracketDots(folded, BRACKET_DOT.matcher(budget.guard(folded))) : folded;
        return WordViews.domainView(text);
    }

    /**
     * Each bracketed dot made a plain one, with the white space on either side of it dropped: "abc [chấm] live" reads
     * "abc.live", as a dot nobody types by chance joins a name to any top-level domain, not only to those that are
     * no Vietnamese words. Each space is dropped once, so a post of spaces costs one pass.
     */
    private static String joinBracketDots(String folded, Matcher m) {
        StringBuilder out = new StringBuilder(folded.length());
        int last = 0;
        while (m.find()) {
            out.append(folded, last, m.start());
            int end = out.length();
            while (end > 0 && Character.isWhitespace(out.charAt(end - 1))) {
                end--;
            }
            out.setLength(end);
            out.append('.');
            last = m.end();
            while (last < folded.length() && Character.isWhitespace(folded.charAt(last))) {
                last++;
            }
        }
        return out.append(folded, last, folded.length()).toString();
    }

    /**
     * Whether {@link #BRACKET_DOT} matches somewhere: its match at each bracket worked out by hand (both white space
     * runs are possessive, so there is nothing to backtrack into). When it matches nowhere, replacing its matches
     * gives the text itself and the pattern need not scan it; brackets around ordinary words are common.
     */
    static boolean mayHaveBracketDot(String folded) {
        int n = folded.length();
        for (int i = 0; i < n; i++) {
            char c = folded.charAt(i);
            if (c != '(' && c != '[' && c != '{') {
                continue;
            }
            int at = spaces(folded, i + 1);
            int after = folded.startsWith(".", at) ? at + 1 : folded.startsWith("dot", at) ? at + 3
                    : folded.startsWith("cham", at) ? at + 4 : -1;
            if (after < 0) {
                continue;
            }
            at = spaces(folded, after);
            if (at < n && (folded.charAt(at) == ')' || folded.charAt(at) == ']' || folded.charAt(at) == '}')) {
                return true;
            }
        }
        return false;
    }

    /** The end of {@code \s{0,8}+} from {@code from}: at most eight of the regex's white space characters. */
    private static int spaces(String text, int from) {
        int at = from;
        while (at < text.length() && at - from < 8 && " \t\n\u000B\f\r".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        return at;
    }

    /**
     * The domains the patterns find in the domain view, in the order of a find loop over the whole view per pattern
     * (at most {@link SpamScorer#MAX_HOSTS}); with {@code hinted}, each pattern is run only in the windows around
     * the places {@link DomainHints} found for it (none: the pattern is skipped), without, over the whole view.
     */
    static Set<String> domains(String plain, Budget budget, boolean hinted) {
        Set<String> found = new LinkedHashSet<>();
        DomainHints hints = hinted ? DomainHints.of(plain) : null;
        Pattern[] patterns = {DOTTED_TIGHT, DOTTED_LOOSE, SPACED};
        for (int p = 0; p < patterns.length; p++) {
            Matcher m = patterns[p].matcher(budget.guard(plain));
            if (!hinted) {
                while (m.find() && found.size() < SpamScorer.MAX_HOSTS) {
                    found.add(domain(m));
                }
            } else if (hints.mayMatch(p)) {
                findInWindows(m, hints.windows(p, plain.length(), MATCH_BEFORE, MATCH_AFTER), found);
            }
        }
        return found;
    }

    /**
     * The find loop over the whole view, run in {@code windows} only; the same matches in the same order, so the
     * same domains and the same cut at {@link SpamScorer#MAX_HOSTS}. Why: with transparent bounds the lookarounds
     * read the text outside a window as a whole-text search does, and a window end only stops what would consume a
     * character past it (anchoring bounds off: it matches no {@code $}), so a match found in a window is the one
     * the whole-text search finds at that start, unless that one reaches past the window end; it cannot, since
     * every match lies wholly in one window ({@link DomainHints#windows}) and the windows do not overlap. For the
     * same reason nothing matches at a start outside every window. Searching each window from the end of the
     * last match (or its own start, which is later, the windows being in order) thus meets exactly the matches of
     * the whole-text loop: the first match at or after a position is in the first window that has one there.
     */
    static void findInWindows(Matcher m, int[] windows, Set<String> found) {
        m.useTransparentBounds(true).useAnchoringBounds(false);
        int from = 0;
        for (int w = 0; w < windows.length && found.size() < SpamScorer.MAX_HOSTS; w += 2) {
            int start = Math.max(from, windows[w]);
            if (start >= windows[w + 1]) {
                continue;
            }
            m.region(start, windows[w + 1]);
            while (found.size() < SpamScorer.MAX_HOSTS && m.find()) {
                found.add(domain(m));
                from = m.end();
            }
        }
    }

    private static String domain(Matcher m) {
        return m.group(1) + "." + DOT_RUN.matcher(m.group(2)).replaceAll(".");
    }

    private static boolean isPlain(String folded, String domain) {
        int at = folded.indexOf(domain);
        while (at >= 0) {
            char before = at == 0 ? ' ' : folded.charAt(at - 1);
            int end = at + domain.length();
            char after = end >= folded.length() ? ' ' : folded.charAt(end);
            if (!Character.isLetterOrDigit(before) && !Character.isLetterOrDigit(after)) {
                return true;
            }
            at = folded.indexOf(domain, at + 1);
        }
        return false;
    }

    /** Whether an entry of a phrase-like rule occurs in any view. */
    boolean contains(Rule.Entry entry) {
        if (entry.words().isBlank()) {
            return false;
        }
        return words.contains(entry.words()) || joined.contains(entry.words())
                || (!entry.compact().isEmpty() && compact.contains(entry.compact()));
    }
}
