package vn.schoolguard.internal.spam;

/** Per-site weight deltas added to the global model's weights; {@link #NONE} for the global model alone. */
public interface SiteAdjustment {

    /** No adjustment. */
    SiteAdjustment NONE = index -> 0;

    /** The delta of one weight (0 when the site has none). */
    float delta(int index);
}
