package vn.schoolguard.internal.inject;

/**
 * Text that moderators approved, so that an approved article warning about gambling is not reported as an
 * implant. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ApprovedContent {

    /** True when this piece of page text comes from approved content. */
    boolean covers(String text);

    /** Nothing is approved: every gambling phrase is reported. */
    ApprovedContent NONE = text -> false;
}
