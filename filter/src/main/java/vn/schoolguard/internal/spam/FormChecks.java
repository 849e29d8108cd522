package vn.schoolguard.internal.spam;

import java.time.Duration;

/** Checks of the form and the input as sent: honeypot, fill time, size, encoding. */
final class FormChecks {

    private FormChecks() {
    }

    /** The honeypot field ({@code spam.honeypot-field}) was filled in. */
    static final class Honeypot implements RuleCheck {
        @Override
        public void apply(Rule rule, Evaluation ev) {
            String field = ev.settings.honeypotField();
            if (!field.isEmpty() && !ev.input.text().getOrDefault(field, "").isBlank()) {
                ev.add(rule, SpamTexts.honeypot(rule.label(), field), rule.weight());
            }
        }
    }

    /** The form was sent sooner than {@code spam.min-fill-time} after it was rendered. */
    static final class FillTime implements RuleCheck {
        @Override
        public void apply(Rule rule, Evaluation ev) {
            Duration minimum = ev.settings.minFillTime();
            if (ev.input.fillTime().isPresent() && !minimum.isZero() && ev.input.fillTime().get().compareTo(minimum) < 0) {
                ev.add(rule, SpamTexts.tooFast(rule.label(), ev.input.fillTime().get(), minimum), rule.weight());
            }
        }
    }

    /** More characters than the rule's {@code limit}. */
    static final class TooLarge implements RuleCheck {
        @Override
        public void apply(Rule rule, Evaluation ev) {
            if (ev.length > ev.sizeLimit) {
                ev.add(rule, SpamTexts.tooLarge(rule.label(), ev.length, ev.sizeLimit), rule.weight());
            }
        }
    }

    /** Characters that could not be decoded (U+FFFD or lone surrogates). */
    static final class BadEncoding implements RuleCheck {
        @Override
        public void apply(Rule rule, Evaluation ev) {
            int bad = TextNormalizer.badCharacters(ev.raw);
            if (bad > 0) {
                ev.add(rule, SpamTexts.badEncoding(rule.label(), bad), rule.weight());
            }
        }
    }
}
