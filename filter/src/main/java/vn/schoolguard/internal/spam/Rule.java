package vn.schoolguard.internal.spam;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One compiled rule of a rule pack.
 *
 * @param id      stable id, shown in reasons ({@code gambling.phrase})
 * @param kind    what it looks at
 * @param weight  added per match
 * @param cap     the most it adds in total (absolute value)
 * @param label   the name moderators see
 * @param mode    {@code on}, {@code log-only} (reported with weight 0) or {@code off}
 * @param entries phrases, patterns or domains, as written and as compiled
 * @param params  kind-specific numbers ({@code threshold}, {@code window}, {@code limit})
 */
record Rule(String id, RuleKind kind, double weight, double cap, String label, String mode, List<Entry> entries,
            Map<String, String> params) {

    Rule {
        entries = List.copyOf(entries);
        params = Map.copyOf(params);
    }

    boolean logOnly() {
        return mode.equals("log-only");
    }

    boolean off() {
        return mode.equals("off");
    }

    /**
     * One entry as written in the pack and in its matching forms.
     *
     * @param source  the line as written, shown to moderators
     * @param words   the folded word form with a space on each side ({@code " nha cai uy tin "}), phrases only
     * @param compact the run-together form when long enough to match inside other words, else empty
     * @param pattern the compiled expression (patterns and domain expressions), else null
     * @param shipped whether it comes from the shipped pack, whose expressions are proven linear (BoundedScoringTest)
     *                and so run without the time budget's checking view
     */
    record Entry(String source, String words, String compact, Pattern pattern, boolean shipped) {
    }
}
