package vn.schoolguard.internal.incident;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of incident, each with the stable key stored in the database and used in reports and webhooks. */
public enum IncidentKind {
    /** Links or text that look planted (gambling, hidden links) found in a page the site served. */
    IMPLANT("implant"),
    /** The home page no longer carries a working EMC tracker for the site's ID. */
    TRACKER_MISSING("tracker-missing"),
    /** The home page no longer shows the EMC label. */
    LABEL_MISSING("label-missing"),
    /** The home page no longer links to the parent portal. */
    PORTAL_MISSING("portal-missing"),
    /** The IP-log chain failed verification: entries changed, removed or out of order. */
    IPLOG_VERIFY_FAILED("iplog-verify-failed"),
    /** A submission has waited in the queue longer than the site allows. */
    QUEUE_OLD("queue-old");

    private final String key;

    IncidentKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<IncidentKind> byKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
