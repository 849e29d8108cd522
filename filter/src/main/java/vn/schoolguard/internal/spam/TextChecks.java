package vn.schoolguard.internal.spam;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/** Checks of the text itself: phrases (from the one automaton scan), site patterns and awareness offsets. */
final class TextChecks {

    private TextChecks() {
    }

    /** Phrase rules: the entries the automaton found, weight per entry up to the cap. */
    static final class Phrase implements RuleCheck {
        @Override
        public void apply(Rule rule, Evaluation ev) {
            Set<String> matched = ev.index.matched(rule, ev.phrases);
            if (!matched.isEmpty()) {
                ev.textual.put(rule, ev.addMatched(rule, matched));
            }
        }
    }

    /**
     * Pattern rules: each expression once over the joined view (it holds every word of the word view). A rule
     * that declares where its matches start ({@code needs} and {@code reach}) is tried only there: every match
     * starts at one of those places, and the first that matches is the one a search of the whole view finds.
     */
    static final class PatternCheck implements RuleCheck {
        @Override
        public void apply(Rule rule, Evaluation ev) {
            if (!ev.index.mayMatch(rule, ev.phrases)) {
                return;
            }
            int[] starts = ev.index.matchStarts(rule, ev.phrases, ev.text.joined);
            Set<String> matched = new LinkedHashSet<>();
            for (Rule.Entry entry : rule.entries()) {
                Matcher m = entry.pattern().matcher(entry.shipped() ? ev.text.joined : ev.budget.guard(ev.text.joined));
                String hit = starts == null ? first(m) : firstAt(m, starts);
                if (hit != null) {
                    matched.add(hit.trim());
                }
            }
            if (!matched.isEmpty()) {
                ev.textual.put(rule, ev.addMatched(rule, matched));
            }
        }

        /** The first match of a search over the whole text, or null. */
        static String first(Matcher m) {
            return m.find() ? m.group() : null;
        }

        /**
         * The first match starting at one of {@code starts} (ascending), or null. The region only moves the start:
         * it runs to the end, and its bounds are transparent, so word boundaries and look-arounds see the text
         * around it exactly as a whole-text search does at that place.
         */
        static String firstAt(Matcher m, int[] starts) {
            int end = m.regionEnd();
            m.useTransparentBounds(true).useAnchoringBounds(false);
            for (int start : starts) {
                m.region(start, end);
                if (m.lookingAt()) {
                    return m.group();
                }
            }
            return null;
        }
    }

    /**
     * Anti-gambling announcements use the same words as ads: their phrases offset phrase and pattern weight,
     * never links or domains, and never below zero.
     */
    static final class Awareness implements RuleCheck {
        @Override
        public boolean late() {
            return true;
        }

        @Override
        public void apply(Rule rule, Evaluation ev) {
            if (Double.isNaN(ev.offsettable)) {
                ev.offsettable = 0;
                for (Map.Entry<Rule, Double> entry : ev.textual.entrySet()) {
                    if (ev.counts(entry.getKey())) {
                        ev.offsettable += entry.getValue();
                    }
                }
            }
            Set<String> matched = ev.index.matched(rule, ev.phrases);
            if (!matched.isEmpty()) {
                ev.matches.put(rule.id(), matched);
            }
            if (ev.offsettable <= 0 || matched.isEmpty()) {
                return;
            }
            double offset = Math.min(Math.min(Math.abs(rule.cap()), Math.abs(rule.weight()) * matched.size()), ev.offsettable);
            ev.add(rule, SpamTexts.awareness(rule.label(), matched, offset), -offset);
            ev.offsettable -= offset;
        }
    }
}
