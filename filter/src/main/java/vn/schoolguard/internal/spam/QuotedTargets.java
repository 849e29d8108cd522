package vn.schoolguard.internal.spam;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a framed text only quotes its promotion targets: a pupil reporting "có người chat 'ai muốn kiếm tiền thì
 * ib tele @kiemtien247'" or an exercise quoting a scam message gives the handle to show what was said, not to send
 * the reader there. The targets a text shows in the open (its links, account numbers, the rules' brand and contact
 * hits) always count; the ones found in its words are looked for again in the text with every quoted span blanked.
 */
final class QuotedTargets {

    /** The longest span read as a quotation: a sentence or two, not a paragraph between two stray marks. */
    private static final int MAX_QUOTE = 300;
    private static final String OPENING = "\"“‘'«";
    private static final String CLOSING = "\"”’'»";

    private QuotedTargets() {
    }

    /**
     * Whether every strong target of {@code targets} stands inside quotation marks: none is of a kind seen outside
     * the words (link, hidden link, marked host, bank account), and the words with their quotations blanked hold no
     * hit of a brand or contact rule and name no domain, mobile number, handle or brand. False when the text quotes
     * nothing.
     */
    static boolean only(Evaluation ev, Set<Structure.Target> targets) {
        if (targets.contains(Structure.Target.LINK) || targets.contains(Structure.Target.HIDDEN_LINK)
                || targets.contains(Structure.Target.MARKED_HOST) || targets.contains(Structure.Target.BANK)) {
            return false;
        }
        String unquoted = unquoted(ev.text.visible);
        if (unquoted == null) {
            return false;
        }
        Analysis open = Analysis.of(unquoted, ev.budget);
        for (String rule : NAMING_RULES) {
            for (String entry : ev.matches.getOrDefault(rule, Set.of())) {
                String folded = TextNormalizer.fold(entry).strip();
                if (open.words.contains(folded) || open.joined.contains(folded) || open.compact.contains(folded.replace(" ", ""))) {
                    return false;
                }
            }
        }
        Set<Structure.Target> outside = EnumSet.noneOf(Structure.Target.class);
        Structure.wordTargets(ev, open, outside);
        return outside.isEmpty();
    }

    /** Rules whose hits are brands or contacts, which count as targets: each hit must lie in a quotation too. */
    private static final List<String> NAMING_RULES = List.of("gambling.contact", "gambling.brand", "gambling.brand-name");

    /**
     * The text with each quotation (an opening mark after a non-letter, the same kind's closing mark within
     * {@value #MAX_QUOTE} characters on the same line, followed by a non-letter) blanked to spaces, or null when
     * there is none. Linear: what a failed search of one kind of mark has read is not read again for it.
     */
    static String unquoted(String visible) {
        char[] out = null;
        int n = visible.length();
        // Per kind of mark: no closing mark before clear[kind]; no quotation opens before blocked[kind] (a line break).
        int[] clear = new int[OPENING.length()];
        int[] blocked = new int[OPENING.length()];
        for (int i = 0; i < n; i++) {
            int kind = OPENING.indexOf(visible.charAt(i));
            if (kind < 0 || i < blocked[kind] || i > 0 && Character.isLetterOrDigit(visible.charAt(i - 1))) {
                continue;
            }
            char mark = CLOSING.charAt(kind);
            int end = Math.min(n, i + 1 + MAX_QUOTE);
            int close = -1;
            int k = Math.max(i + 1, clear[kind]);
            for (; k < end && close < 0; k++) {
                char c = visible.charAt(k);
                if (c == '\n') {
                    blocked[kind] = k;
                    break;
                }
                if (c == mark && k > i + 1 && (k + 1 == n || !Character.isLetter(visible.charAt(k + 1)))) {
                    close = k;
                }
            }
            if (close < 0) {
                clear[kind] = Math.max(clear[kind], k);
                continue;
            }
            if (out == null) {
                out = visible.toCharArray();
            }
            for (int b = i; b <= close; b++) {
                out[b] = ' ';
            }
            i = close;
        }
        return out == null ? null : new String(out);
    }
}
