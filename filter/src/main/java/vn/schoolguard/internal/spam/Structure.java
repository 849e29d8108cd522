package vn.schoolguard.internal.spam;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a text points its reader to (a promotion target) and how it is built: links, phone numbers, chat
 * handles, bank details, and the counts of cue wording. Computed once per score from the evaluation.
 */
final class Structure {

    /** Kinds of promotion target: somewhere the reader is sent to play, pay or chat. */
    enum Target { LINK, DOMAIN, SPELLED_DOMAIN, PHONE, HANDLE, BANK, BRAND, HIDDEN_LINK, MARKED_HOST }

    private static final int MIN_PHONE_DIGITS = 9;
    private static final int MAX_PHONE_DIGITS = 12;

    final Set<Target> targets;
    final int links;
    final int longestDigitRun;

    private Structure(Set<Target> targets, int links, int longestDigitRun) {
        this.targets = targets;
        this.links = links;
        this.longestDigitRun = longestDigitRun;
    }

    static Structure of(Evaluation ev) {
        Set<Target> targets = EnumSet.noneOf(Target.class);
        for (String host : ev.html.hosts()) {
            if (!ev.allowedHosts.contains(Hosts.fold(host))) {
                targets.add(Target.LINK);
            }
        }
        // An e-mail address (the poster's own, or a teacher's) sends no one anywhere.
        Set<String> mail = Targets.mailDomains(ev.text.folded);
        for (String domain : ev.text.textDomains) {
            if (!ev.allowedHosts.contains(domain) && !ev.text.spelledDomains.contains(domain) && !mail.contains(domain)) {
                targets.add(Target.DOMAIN);
            }
        }
        for (String domain : ev.text.spelledDomains) {
            if (!ev.allowedHosts.contains(domain)) {
                targets.add(Target.SPELLED_DOMAIN);
            }
        }
        String more = Targets.domain(ev.text.folded);
        if (more != null && !ev.allowed(more) && !mail.contains(more)) {
            targets.add(Target.DOMAIN);
        }
        int[] digits = digitRuns(ev.text.words);
        if (digits[0] > 0) {
            targets.add(Target.PHONE);
        }
        if (Targets.handle(ev.text.visible) || ev.matches.containsKey("gambling.contact")
                || ev.index.cueCount(Cue.CHAT, ev.phrases) > 0) {
            targets.add(Target.HANDLE);
        }
        if (ev.index.cueCount(Cue.BANK, ev.phrases) > 0) {
            targets.add(Target.BANK);
        }
        if (ev.matches.containsKey("gambling.brand") || ev.matches.containsKey("gambling.brand-name")
                || Targets.brand(ev.text.joined)) {
            targets.add(Target.BRAND);
        }
        if (ev.html.hiddenLinks() > 0) {
            targets.add(Target.HIDDEN_LINK);
        }
        for (Reason reason : ev.reasons) {
            if (reason.rule().equals("marked.host")) {
                targets.add(Target.MARKED_HOST);
            }
        }
        return new Structure(targets, ev.linksNotAllowed(), digits[1]);
    }

    boolean hasTarget() {
        return !targets.isEmpty();
    }

    /**
     * Phone-like numbers and the longest run of digits in the word view, where digits separated by single
     * spaces (dots and dashes are spaces there) count as one run: {@code [phones, longest]}.
     */
    static int[] digitRuns(String words) {
        int phones = 0;
        int longest = 0;
        int run = 0;
        char first = 0;
        for (int i = 0; i <= words.length(); i++) {
            char c = i < words.length() ? words.charAt(i) : '#';
            if (c >= '0' && c <= '9') {
                first = run == 0 ? c : first;
                run++;
                continue;
            }
            if (run == 0) {
                // Nothing to end or continue: skip the character tests below.
                continue;
            }
            boolean continues = c == ' ' && i + 1 < words.length() && Character.isDigit(words.charAt(i + 1)) && run > 0;
            boolean bounded = i == words.length() || c == ' ' || !Character.isLetter(c);
            if (continues) {
                continue;
            }
            if (run > 0) {
                longest = Math.max(longest, run);
                if (run >= MIN_PHONE_DIGITS && run <= MAX_PHONE_DIGITS && (first == '0' || first == '8') && bounded) {
                    phones++;
                }
            }
            run = 0;
        }
        return new int[] {phones, longest};
    }
}
