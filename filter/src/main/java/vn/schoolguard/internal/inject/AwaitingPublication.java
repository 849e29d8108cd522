package vn.schoolguard.internal.inject;

import java.time.Instant;
import java.util.List;

/**
 * Approved submissions that the application accepted but whose text no page has shown yet: what the
 * publication watch looks for in the pages the site serves. Implementations are thread-safe.
 */
public interface AwaitingPublication {

    /** One awaited submission: its id and the text a visitor would read on the page that shows it. */
    record Awaited(long id, String text) {
    }

    /** Approved, unseen submissions accepted since {@code sentSince}, newest first, at most {@code limit}. */
    List<Awaited> awaiting(Instant sentSince, int limit);

    /**
     * Records the page an approved submission was first seen on; false when it is no longer approved or
     * was already seen.
     */
    boolean markSeen(long id, String path, Instant at);
}
