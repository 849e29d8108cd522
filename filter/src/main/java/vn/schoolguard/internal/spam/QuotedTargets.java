package vn.schoolguard.internal.spam;

import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Whether a framed text only quotes its promotion targets: a pupil reporting "có người chat 'ai muốn kiếm tiền thì
 * ib tele @kiemtien247'", an exercise quoting a scam message or a notice quoting ad slogans ("'nạp 100k tặng 100k'")
 * gives the handle or the offer to show what was said, not to send the reader there. The targets a text shows in the
 * open (its links, account numbers, the rules' brand and contact hits) always count; the ones found in its words are
 * looked for again in the text with every quoted span blanked.
 */
final class QuotedTargets {

    /** The longest span read as a quotation: a sentence or two, not a paragraph between two stray marks. */
    private static final int MAX_QUOTE = 300;
    private static final String OPENING = "\"“‘'«";
    private static final String CLOSING = "\"”’'»";

    private QuotedTargets() {
    }

    /**
     * Whether the targets of {@code targets} stand inside quotation marks: none is of a kind seen outside the words
     * (link, hidden link, marked host, bank account), the words with their quotations blanked hold no hit of a brand
     * or contact rule and name no domain, mobile number, handle or brand, and, when every target is weak, they hold
     * none of them (offer, chat or payment wording, a masked number). False when the text quotes nothing.
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
            if (namedOutside(ev, rule, open)) {
                return false;
            }
        }
        Set<Structure.Target> outside = EnumSet.noneOf(Structure.Target.class);
        Structure.wordTargets(ev, open, outside);
        // Weak wording beside quoted strong targets is the report's own ("có người nhắn… mời vào nhóm"): it counts only
        // in a text whose every target is weak.
        return outside.isEmpty() && !searchOutside(ev, targets, open)
                && (Structure.hasStrong(targets) || !weakOutside(ev, targets, open));
    }

    /** Whether a search is told in the words left open ("lên Google gõ 'Vua Kèo'"): it sends the reader to the name it quotes. */
    private static boolean searchOutside(Evaluation ev, Set<Structure.Target> targets, Analysis open) {
        return targets.contains(Structure.Target.SEARCH) && ev.index.cueCount(Cue.SEARCH, ev.index.scan(open, ev.budget)) > 0;
    }

    /**
     * Whether a weak target of {@code targets} is also found in the words left open: offer, chat or payment wording
     * (one more phrase scan, only when the text has such a target) or a masked number.
     */
    private static boolean weakOutside(Evaluation ev, Set<Structure.Target> targets, Analysis open) {
        if (targets.contains(Structure.Target.MASKED_PHONE) && PhoneTargets.maskedPhone(open.folded)) {
            return true;
        }
        boolean offer = targets.contains(Structure.Target.OFFER);
        boolean chat = targets.contains(Structure.Target.CHAT);
        boolean payment = targets.contains(Structure.Target.PAYMENT);
        boolean qr = targets.contains(Structure.Target.QR);
        if (!offer && !chat && !payment && !qr) {
            return false;
        }
        if (offer && Targets.odds(open.folded)) {
            return true;
        }
        BitSet phrases = ev.index.scan(open, ev.budget);
        return offer && ev.index.cueCount(Cue.OFFER, phrases) > 0 || chat && ev.index.cueCount(Cue.CHAT, phrases) > 0
                || payment && ev.index.cueCount(Cue.BANK, phrases) > 0 || qr && ev.index.cueCount(Cue.QR, phrases) > 0;
    }

    /**
     * Whether every hit of a rule naming gambling ({@link Structure#GAMBLING_RULES}) stands inside quotation marks:
     * the text lists what ads say ("Các dấu hiệu cần nhận biết: lời mời 'tài xỉu online', 'lô đề 1 ăn 99'.") rather
     * than saying it. False when the text quotes nothing.
     */
    static boolean onlyQuotesGambling(Evaluation ev) {
        String unquoted = unquoted(ev.text.visible);
        if (unquoted == null) {
            return false;
        }
        Analysis open = Analysis.of(unquoted, ev.budget);
        for (String rule : Structure.GAMBLING_RULES) {
            if (namedOutside(ev, rule, open)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a hit of {@code rule} is in the words left open when the quotations are blanked. */
    private static boolean namedOutside(Evaluation ev, String rule, Analysis open) {
        for (String entry : ev.matches.getOrDefault(rule, Set.of())) {
            String folded = TextNormalizer.fold(entry).strip();
            if (open.words.contains(folded) || open.joined.contains(folded) || open.compact.contains(folded.replace(" ", ""))) {
                return true;
            }
        }
        return false;
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
