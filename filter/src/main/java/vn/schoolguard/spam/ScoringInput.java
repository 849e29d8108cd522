package vn.schoolguard.spam;

import java.util.Map;

/**
 * What the scorer looks at.
 *
 * @param route    the route name
 * @param text     text and HTML fields as posted (raw), by field name
 * @param author   the author field, may be empty
 * @param email    the e-mail field, may be empty
 * @param url      the URL field, may be empty
 * @param clientIp the poster's address
 */
public record ScoringInput(String route, Map<String, String> text, String author, String email, String url, String clientIp) {

    public ScoringInput {
        text = Map.copyOf(text);
    }
}
