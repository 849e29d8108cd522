package vn.schoolguard.internal.sanitize;

import java.util.List;

/**
 * The result of sanitizing one HTML value.
 *
 * @param html    what the application receives on replay
 * @param removed what the policy took out, for the moderator: {@code <script>}, {@code a@onclick ×2},
 *                {@code input cut from N to M characters}; at most 50 distinct entries
 */
public record SanitizedHtml(String html, List<String> removed) {

    public SanitizedHtml {
        removed = List.copyOf(removed);
    }

    /** Whether the policy changed anything worth telling the moderator. */
    public boolean changed() {
        return !removed.isEmpty();
    }
}
