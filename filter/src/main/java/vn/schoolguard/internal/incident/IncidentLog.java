package vn.schoolguard.internal.incident;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The port to where incidents are kept, per site. Implementations are thread-safe. */
public interface IncidentLog {

    /** Records {@code incident} and answers it with its id. */
    Incident record(Incident incident);

    /** The site's latest incidents, newest first. */
    List<Incident> recent(String siteKey, int limit);

    /** How many incidents of each kind the site had in {@code [from, to)}; kinds without any are absent. */
    Map<IncidentKind, Long> counts(String siteKey, Instant from, Instant to);

    /** The site's incidents in {@code [from, to)}, oldest first, at most {@code limit}. */
    List<Incident> between(String siteKey, Instant from, Instant to, int limit);
}
