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

    /** Pattern rules: each expression once over the joined view (it holds every word of the word view). */
    static final class PatternCheck implements RuleCheck {
        @Override
        public void apply(Rule rule, Evaluation ev) {
            if (!ev.index.mayMatch(rule, ev.phrases)) {
                return;
            }
            Set<String> matched = new LinkedHashSet<>();
            for (Rule.Entry entry : rule.entries()) {
                Matcher m = entry.pattern().matcher(entry.shipped() ? ev.text.joined : ev.budget.guard(ev.text.joined));
                if (m.find()) {
                    matched.add(m.group().trim());
                }
            }
            if (!matched.isEmpty()) {
                ev.textual.put(rule, ev.addMatched(rule, matched));
            }
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
