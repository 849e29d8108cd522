package vn.schoolguard.internal.inject;

/**
 * Which EMC tracker counts as already on a page: a bootstrap for this site ID that reports to this host,
 * with the tracker's script loaded from that host.
 *
 * @param siteId the configured {@code emc.site-id}; empty when no tracker is inserted (nothing is looked for)
 * @param host   the configured {@code emc.tracker-host}
 */
record TrackerIdentity(String siteId, String host) {

    /** Looks for no tracker. */
    static final TrackerIdentity NONE = new TrackerIdentity("", "");

    boolean recognises() {
        return !siteId.isEmpty() && !host.isEmpty();
    }
}
