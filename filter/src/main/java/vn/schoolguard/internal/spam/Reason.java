package vn.schoolguard.internal.spam;

/**
 * One rule that matched.
 *
 * @param rule   the rule's stable id, e.g. {@code gambling.phrase}
 * @param detail what matched, for the moderator
 * @param weight what it added to the score
 */
public record Reason(String rule, String detail, double weight) {

    /** The one-line form used in the REST API and the CLI. */
    public String describe() {
        return detail.isEmpty() ? rule : rule + ": " + detail;
    }
}
