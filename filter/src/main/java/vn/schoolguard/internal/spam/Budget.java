package vn.schoolguard.internal.spam;

import java.time.Duration;

/**
 * The time one score may take. Checked between rules and phrases, and inside regular expressions through
 * {@link #guard}, whose {@code charAt} looks at the clock, so that even a slow site rule is interrupted.
 * Not thread-safe: one per score.
 */
final class Budget {

    /** How many characters a guarded matcher reads between two looks at the clock. */
    private static final int CHECK_EVERY = 512;

    /** Thrown when the budget has run out; caught by the scorer, which then holds the item as not fully analysed. */
    static final class Exhausted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Exhausted() {
            super("time budget exhausted", null, false, false);
        }
    }

    /** A budget that never runs out, for host and fingerprint helpers that have no score to hold. */
    static final Budget UNLIMITED = new Budget(Long.MAX_VALUE);

    private final long deadline;

    private Budget(long deadline) {
        this.deadline = deadline;
    }

    static Budget of(Duration budget) {
        long now = System.nanoTime();
        long nanos = budget.toNanos();
        return new Budget(Long.MAX_VALUE - now < nanos ? Long.MAX_VALUE : now + nanos);
    }

    /** Throws {@link Exhausted} once the deadline has passed. */
    void check() {
        if (deadline != Long.MAX_VALUE && System.nanoTime() - deadline > 0) {
            throw new Exhausted();
        }
    }

    /** The text for a matcher: the same characters, with the deadline checked as they are read. */
    CharSequence guard(CharSequence text) {
        return deadline == Long.MAX_VALUE ? text : new Guarded(text, this);
    }

    /** A view that checks the deadline every {@link #CHECK_EVERY} reads. */
    private static final class Guarded implements CharSequence {
        private final CharSequence text;
        private final Budget budget;
        private int reads;

        Guarded(CharSequence text, Budget budget) {
            this.text = text;
            this.budget = budget;
        }

        @Override
        public char charAt(int index) {
            if (++reads >= CHECK_EVERY) {
                reads = 0;
                budget.check();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
