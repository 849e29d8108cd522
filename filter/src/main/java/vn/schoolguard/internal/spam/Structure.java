package vn.schoolguard.internal.spam;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a text points its reader to (a promotion target) and how it is built: links, phone numbers, chat
 * handles, bank details, and the counts of cue wording. Computed once per score from the evaluation.
 */
final class Structure {

    /**
     * Kinds of promotion target: somewhere the reader is sent to play, pay or chat. {@link #OFFER}, {@link #CHAT}
     * (chat wording without a handle: "inbox mình", "vào nhóm"), {@link #PAYMENT} (payment wording without an
     * account number) and {@link #MASKED_PHONE} (a number with digits hidden, "0388xxx519", reached only by asking
     * the poster) and {@link #VENUE} (a name to search for, "Sen Vàng 99", looked for only in a text with no other
     * target and no framing wording) are weak: parents and students write them too, so they need a more confident
     * model.
     */
    enum Target {
        LINK, DOMAIN, SPELLED_DOMAIN, PHONE, HANDLE, BANK, BRAND, HIDDEN_LINK, MARKED_HOST, OFFER, CHAT, PAYMENT, MASKED_PHONE,
        VENUE, SEARCH, QR;

        boolean weak() {
            return this == OFFER || this == CHAT || this == PAYMENT || this == MASKED_PHONE || this == VENUE || this == QR;
        }
    }

    /** Warning or legal words that make a text a warning or news ({@link #cautions()}). */
    private static final int MIN_CAUTIONS = 2;

    /** The shortest digit run that can be a bank account number. */
    private static final int MIN_ACCOUNT_DIGITS = 8;

    private static final int MIN_PHONE_DIGITS = 9;
    private static final int MAX_PHONE_DIGITS = 12;
    private static final int INTERNATIONAL_DIGITS = 11;
    /**
     * A fixed line ("0236 3654 819": 02, the province's code, the number) reaches a school or an office;
     * betting and loan ads give mobile numbers or chat handles, so a landline is not a promotion target.
     */
    private static final int LANDLINE_DIGITS = 11;

    /** Rules whose hits name gambling, betting or loans to gamblers (not links, markup or awareness wording). */
    static final Set<String> GAMBLING_RULES = Set.of("gambling.promo", "gambling.term", "loan.offer",
            "gambling.brand", "gambling.brand-name", "gambling.contact");

    final Set<Target> targets;
    final int links;
    final int longestDigitRun;
    /** Whether a rule naming gambling, betting or loans to gamblers hit. */
    final boolean namesGambling;
    /** Whether the text warns, cites the law, asks a question or reports what others wrote ({@link Cue#frames()}). */
    final boolean framed;
    /** The evaluation, for {@link #quotesItsTargets()}: asked only of a text about to be filed. */
    private final Evaluation ev;
    /** {@link #quotesItsTargets()} once known: 0 no, 1 yes, -1 not asked yet. */
    private int quotes = -1;

    private Structure(Set<Target> targets, int links, int longestDigitRun, boolean namesGambling, boolean framed, Evaluation ev) {
        this.targets = targets;
        this.links = links;
        this.longestDigitRun = longestDigitRun;
        this.namesGambling = namesGambling;
        this.framed = framed;
        this.ev = ev;
    }

    static Structure of(Evaluation ev) {
        Set<Target> targets = EnumSet.noneOf(Target.class);
        for (String host : ev.html.hosts()) {
            if (!ev.allowedHosts.contains(Hosts.fold(host))) {
                targets.add(Target.LINK);
            }
        }
        int[] digits = wordTargets(ev, ev.text, targets);
        if (digits[0] == 0 && PhoneTargets.maskedPhone(ev.text.folded)) {
            targets.add(Target.MASKED_PHONE);
        }
        if (ev.matches.containsKey("gambling.contact")) {
            targets.add(Target.HANDLE);
        } else if (!targets.contains(Target.HANDLE) && ev.index.cueCount(Cue.CHAT, ev.phrases) > 0) {
            targets.add(Target.CHAT);
        }
        if (ev.index.cueCount(Cue.BANK, ev.phrases) > 0) {
            targets.add(digits[1] >= MIN_ACCOUNT_DIGITS ? Target.BANK : Target.PAYMENT);
        }
        if (ev.matches.containsKey("gambling.brand") || ev.matches.containsKey("gambling.brand-name")) {
            targets.add(Target.BRAND);
        }
        // Offer wording, a search to run and a code to scan are made to the reader only in a text that does not warn.
        if (!warns(ev)) {
            if (ev.index.cueCount(Cue.OFFER, ev.phrases) > 0 || Targets.odds(ev.text.folded)) {
                targets.add(Target.OFFER);
            }
            if (ev.index.cueCount(Cue.SEARCH, ev.phrases) > 0) {
                targets.add(Target.SEARCH);
            }
            if (ev.index.cueCount(Cue.QR, ev.phrases) > 0) {
                targets.add(Target.QR);
            }
        }
        if (ev.html.hiddenLinks() > 0) {
            targets.add(Target.HIDDEN_LINK);
        }
        for (Reason reason : ev.reasons) {
            if (reason.rule().equals("marked.host")) {
                targets.add(Target.MARKED_HOST);
            }
        }
        boolean framed = framed(ev);
        if (targets.isEmpty() && !framed && VenueNames.named(ev.text.visible)) {
            targets.add(Target.VENUE);
        }
        return new Structure(targets, ev.linksNotAllowed(), digits[1], namesGambling(ev), framed, ev);
    }

    /**
     * The targets the words of {@code text} name (the evaluated text, or it with its quotations blanked): domains that
     * are not allowed hosts, plain or disguised, mobile numbers, chat handles and names built like a betting site's;
     * returns {@link #digitRuns(String, int[], int)} of its word view.
     */
    static int[] wordTargets(Evaluation ev, Analysis text, Set<Target> targets) {
        // An e-mail address (the poster's own, or a teacher's) sends no one anywhere.
        Set<String> mail = Targets.mailDomains(text.folded);
        for (String domain : text.textDomains) {
            if (!ev.allowedHosts.contains(domain) && !text.spelledDomains.contains(domain) && !mail.contains(domain)) {
                targets.add(Target.DOMAIN);
            }
        }
        for (String domain : text.spelledDomains) {
            if (!ev.allowedHosts.contains(domain)) {
                targets.add(Target.SPELLED_DOMAIN);
            }
        }
        if (ContactTargets.invisibleDot(text.visible) || ContactTargets.leetTld(text.folded)) {
            targets.add(Target.SPELLED_DOMAIN);
        }
        String more = Targets.domain(text.folded);
        if (more != null && !ev.allowed(more) && !mail.contains(more)) {
            targets.add(Target.DOMAIN);
        }
        int[] digits = digitRuns(text.words, text.views.digits, text.views.digitCount);
        if (digits[0] > 0 || PhoneTargets.spelledPhone(text.words)) {
            targets.add(Target.PHONE);
        }
        if (Targets.handle(text.visible) || ContactTargets.telegramLink(text.folded) || ContactTargets.zaloLink(text.folded)) {
            targets.add(Target.HANDLE);
        }
        if (Targets.brand(text)) {
            targets.add(Target.BRAND);
        }
        return digits;
    }

    private static boolean namesGambling(Evaluation ev) {
        for (String rule : GAMBLING_RULES) {
            if (ev.matches.containsKey(rule)) {
                return true;
            }
        }
        return false;
    }

    private static boolean framed(Evaluation ev) {
        for (Cue cue : Cue.values()) {
            if (cue.frames() && ev.index.cueCount(cue, ev.phrases) > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the text warns, cites the law or asks an exam or discussion question: an offer it quotes is then
     * not made to the reader. Reassurance ("không lừa đảo") is an ad's, so each one cancels a warning word.
     */
    private static boolean warns(Evaluation ev) {
        int warnings = ev.index.cueCount(Cue.WARNING, ev.phrases) + ev.index.cueCount(Cue.LEGAL, ev.phrases)
                + ev.index.cueCount(Cue.EXAM, ev.phrases);
        return warnings > ev.index.cueCount(Cue.REASSURANCE, ev.phrases);
    }

    /**
     * Whether the text holds warning or legal wording twice or more ("lừa đảo… nạn nhân…", "vụ án… bị cáo…"): a
     * warning or news, not an ordinary comment with an ad posted after it, so its last sentences are not read alone.
     * Once may be an ad's own aside ("Nợ nần chồng chất? … cho vay gộp nợ").
     */
    boolean cautions() {
        return ev.index.cueCount(Cue.WARNING, ev.phrases) + ev.index.cueCount(Cue.LEGAL, ev.phrases) >= MIN_CAUTIONS;
    }

    boolean hasTarget() {
        return !targets.isEmpty();
    }

    /**
     * Whether the model's spam threshold applies (not the weak-target one): a strong target in a text that does not
     * caution ({@link #cautions()}), or a weak one in a text that names gambling in plain speech ("Tài xỉu
     * livestream, ăn 1.98": an offer, made to the reader). A text that warns or cites the law twice and quotes a link
     * or a number is most often a warning or news that names what to avoid, so it takes the more confident
     * weak-target threshold.
     */
    boolean promotes() {
        return hasStrongTarget() && !cautions() || hasTarget() && plainGambling();
    }

    /** Whether the text names gambling in plain speech: a gambling rule hit and no framing wording. */
    boolean plainGambling() {
        return namesGambling && !framed;
    }

    /**
     * Whether the model may file this text as spam at all: it has a strong target, a masked number, or weak ones in a
     * text that names gambling or does not warn, cite the law, ask or report. Offer, chat or payment wording alone
     * ("Bạn nào cần đề cương thì inbox mình") is how schools write too, so without a strong target or plain gambling
     * words the model must reach {@link SpamModel#weakTargetThreshold()}, which no legitimate text of the calibration
     * pool with weak targets only reaches but for the pool's allowance; a framed text with only such wording and no
     * gambling words is at most suspect, for a moderator to read, and so is a framed text that only quotes its
     * targets ({@link #quotesItsTargets()}, asked last). A masked number is a contact, not wording: framed ("có ai
     * muốn kiếm thêm không… Zalo 0 3 8 6 . x x 5 . 2 1 9"), it takes the weak-target threshold.
     */
    boolean fileable() {
        return (hasStrongTarget() || targets.contains(Target.MASKED_PHONE) || hasTarget() && (namesGambling || !framed))
                && !quotesItsTargets();
    }

    /**
     * Whether the text is framed and its targets, weak ones too, all stand in quotations ({@link QuotedTargets}): it
     * reports what someone else wrote, so it is at most suspect. Worked out once, when first asked.
     */
    boolean quotesItsTargets() {
        if (quotes < 0) {
            quotes = framed && hasTarget() && QuotedTargets.only(ev, targets) ? 1 : 0;
        }
        return quotes == 1;
    }

    /** Whether a target other than the weak kinds was found. */
    boolean hasStrongTarget() {
        return hasStrong(targets);
    }

    /** Whether {@code targets} holds one other than the weak kinds. */
    static boolean hasStrong(Set<Target> targets) {
        for (Target target : targets) {
            if (!target.weak()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Mobile-like numbers (not fixed lines) and the longest run of digits in the word view, where digits separated by single
     * spaces (dots and dashes are spaces there) count as one run: {@code [phones, longest]}.
     */
    static int[] digitRuns(String words) {
        int[] starts = new int[words.length()];
        int count = 0;
        for (int i = 0; i < words.length(); i++) {
            starts[count] = i;
            count += Character.isDigit(words.charAt(i)) ? 1 : 0;
        }
        return digitRuns(words, starts, count);
    }

    /**
     * {@link #digitRuns(String)} given, in order, the starts of the view's words with a digit (or the digits'
     * places): from a space outside a run to the next of them nothing changes, so the scan jumps there.
     */
    static int[] digitRuns(String words, int[] digitWords, int count) {
        int phones = 0;
        int longest = 0;
        int run = 0;
        char first = 0;
        char second = 0;
        int next = 0;
        for (int i = count > 0 ? digitWords[0] : words.length(); i <= words.length(); i++) {
            char c = i < words.length() ? words.charAt(i) : '#';
            if (c >= '0' && c <= '9') {
                if (run == 0 && zeroAsLetter(words, i - 1)) {
                    // "o98 7654 321": the number's first zero typed as the letter o.
                    first = '0';
                    run = 1;
                }
                first = run == 0 ? c : first;
                second = run == 1 ? c : second;
                run++;
                continue;
            }
            if (run == 0 && c != ' ') {
                continue;
            }
            if (run == 0) {
                // Between words, nothing to end or continue: on to the next word with a digit.
                while (next < count && digitWords[next] <= i) {
                    next++;
                }
                if (next == count) {
                    break;
                }
                i = digitWords[next] - 1;
                continue;
            }
            boolean continues = c == ' ' && i + 1 < words.length() && Character.isDigit(words.charAt(i + 1)) && run > 0;
            boolean bounded = i == words.length() || c == ' ' || !Character.isLetter(c);
            if (continues) {
                continue;
            }
            if (run > 0) {
                longest = Math.max(longest, run);
                boolean landline = first == '0' && second == '2' && run == LANDLINE_DIGITS;
                if (bounded && !landline && mobile(run, first, second)) {
                    phones++;
                }
            }
            run = 0;
        }
        return new int[] {phones, longest};
    }

    /** Whether {@code words[at]} is an o that starts a word and a digit follows it: a zero typed as a letter. */
    private static boolean zeroAsLetter(String words, int at) {
        return at >= 0 && words.charAt(at) == 'o' && (at == 0 || words.charAt(at - 1) == ' ');
    }

    /**
     * Whether a run of digits reads as a mobile number: from 0 (with room for a digit too many or too few, as people
     * type them), or 84 and nine digits, the country code without its plus. Any other long number (an order, a
     * student code, a time stamp) sends nobody anywhere.
     */
    private static boolean mobile(int run, char first, char second) {
        return first == '0' ? run >= MIN_PHONE_DIGITS && run <= MAX_PHONE_DIGITS : first == '8' && second == '4' && run == INTERNATIONAL_DIGITS;
    }
}
