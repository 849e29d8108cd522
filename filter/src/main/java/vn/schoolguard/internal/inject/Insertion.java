package vn.schoolguard.internal.inject;

/**
 * What one page gets inserted; asked as late as possible so that it sees the final headers. ASCII only.
 * It also names the tracker that, found in the page, makes the inserted one unnecessary.
 */
abstract class Insertion {

    /** Inserts nothing; for pages that are passed through. */
    static final Insertion NOTHING = new Insertion() {
        @Override
        public String atEnd(boolean trackerAlreadyThere, boolean portalPlaced) {
            return "";
        }

        @Override
        public String atPlaceholder() {
            return "";
        }
    };

    private final TrackerIdentity tracker;

    /** An insertion that looks for no tracker in the page. */
    Insertion() {
        this(TrackerIdentity.NONE);
    }

    /** @param tracker the tracker whose presence the rewriter reports to {@link #atEnd} */
    Insertion(TrackerIdentity tracker) {
        this.tracker = tracker;
    }

    /** The tracker to look for in the page. */
    final TrackerIdentity tracker() {
        return tracker;
    }

    /** Goes before the last {@code </body>} (or at the end of a page without one). */
    public abstract String atEnd(boolean trackerAlreadyThere, boolean portalPlaced);

    /** Goes right after a portal placeholder comment; empty when the portal block is not wanted there. */
    public abstract String atPlaceholder();
}
