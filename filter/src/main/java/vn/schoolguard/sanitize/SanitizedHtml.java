package vn.schoolguard.sanitize;

import java.util.List;

/**
 * The result of sanitizing one HTML value.
 *
 * @param html    what the application receives
 * @param removed what the policy took out (element and attribute names), for the moderator
 */
public record SanitizedHtml(String html, List<String> removed) {

    public SanitizedHtml {
        removed = List.copyOf(removed);
    }
}
