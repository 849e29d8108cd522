package vn.schoolguard.inject;

/** What one page gets inserted; asked as late as possible so that it sees the final headers. ASCII only. */
interface Insertion {

    /** Goes before the last {@code </body>} (or at the end of a page without one). */
    String atEnd(boolean trackerAlreadyThere, boolean portalPlaced);

    /** Goes right after a portal placeholder comment; empty when the portal block is not wanted there. */
    String atPlaceholder();

    /** Inserts nothing; for pages that are passed through. */
    Insertion NOTHING = new Insertion() {
        @Override
        public String atEnd(boolean trackerAlreadyThere, boolean portalPlaced) {
            return "";
        }

        @Override
        public String atPlaceholder() {
            return "";
        }
    };
}
