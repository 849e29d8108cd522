package vn.schoolguard.internal.discovery;

import java.util.Collection;
import java.util.List;

/** Where one site's discovered forms are kept across restarts. */
public interface DiscoveredForms {

    /** The most recently seen forms, newest first, at most {@code max}. */
    List<DiscoveredForm> load(int max);

    /** Writes these forms (replacing rows of the same method and pattern), then keeps only the {@code max} newest. */
    void save(Collection<DiscoveredForm> forms, int max);

    /** Forgets one form; true when it was there. */
    boolean remove(String method, String pattern);
}
