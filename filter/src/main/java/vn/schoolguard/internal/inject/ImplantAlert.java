package vn.schoolguard.internal.inject;

import java.time.Instant;
import java.util.List;

/**
 * Planted content found in one outgoing page.
 *
 * @param at       when the page was scanned
 * @param page     the page's address (path and query)
 * @param findings what was found, never empty
 */
public record ImplantAlert(Instant at, String page, List<ImplantFinding> findings) {

    public ImplantAlert {
        findings = List.copyOf(findings);
    }
}
