package vn.schoolguard.internal.spam;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the scorer looks at. Scores depend only on this, the rules and the {@link SpamMemory}, so a
 * stored input can be re-scored later with the same result under the same rules and memory.
 *
 * @param route      the route name
 * @param text       every posted field as posted (raw, HTML included), by field name; the honeypot field too
 * @param author     the author field, may be empty
 * @param email      the e-mail field, may be empty
 * @param url        the URL field, may be empty
 * @param clientIp   the poster's address
 * @param receivedAt when the submission arrived (repeats are counted in the window before it)
 * @param fillTime   time between rendering the form and receiving it, when the form carried that
 */
public record ScoringInput(String route, Map<String, String> text, String author, String email, String url, String clientIp,
                           Instant receivedAt, Optional<Duration> fillTime) {

    public ScoringInput {
        text = Map.copyOf(text);
        route = Objects.requireNonNullElse(route, "");
        author = Objects.requireNonNullElse(author, "");
        email = Objects.requireNonNullElse(email, "");
        url = Objects.requireNonNullElse(url, "");
        clientIp = Objects.requireNonNullElse(clientIp, "");
        Objects.requireNonNull(receivedAt, "receivedAt");
        fillTime = Objects.requireNonNullElse(fillTime, Optional.empty());
    }

    /** An input received now, without a form fill time; prefer the full constructor with a {@code Clock}'s instant. */
    public ScoringInput(String route, Map<String, String> text, String author, String email, String url, String clientIp) {
        this(route, text, author, email, url, clientIp, Instant.now(), Optional.empty());
    }

    /** A single text, as the {@code score} command reads it. */
    public static ScoringInput ofText(String text, String author, String email, String url, Instant receivedAt) {
        return new ScoringInput("", Map.of("text", Objects.requireNonNullElse(text, "")), author, email, url, "", receivedAt, Optional.empty());
    }

    /** Field values in field-name order, so that scores and fingerprints do not depend on map order. */
    Map<String, String> sortedText() {
        return new TreeMap<>(text);
    }
}
