package vn.schoolguard.internal.inject;

/**
 * One suspicious thing in an outgoing page.
 *
 * @param kind    {@code gambling-link}, {@code hidden-link} or {@code gambling-phrase}
 * @param detail  the link target or the phrase
 * @param excerpt a short piece of the markup or text where it was found
 */
public record ImplantFinding(String kind, String detail, String excerpt) {
}
