package vn.schoolguard.internal.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One captured form submission, as stored: who sent what, how it scored and where its review stands.
 *
 * @param id         database id; 0 before it is stored
 * @param siteKey    the site it was posted to
 * @param receipt    the code the poster follows its status with
 * @param receivedAt when it arrived
 * @param posted     what was posted: route, request line, headers and fields
 * @param poster     who posted it: addresses, forwarding, user agent, application user
 * @param scoring    how the spam scorer judged it
 * @param review     where its moderation and replay stand
 */
public record Submission(long id, String siteKey, String receipt, Instant receivedAt, Posted posted, Poster poster,
                         Scoring scoring, Review review) {

    public Submission {
        Objects.requireNonNull(posted, "posted");
        Objects.requireNonNull(poster, "poster");
        Objects.requireNonNull(scoring, "scoring");
        Objects.requireNonNull(review, "review");
    }

    /** A new submission, not stored yet: nothing decided, replayed, sent or seen. */
    public static Submission received(String siteKey, String receipt, Instant receivedAt, Posted posted, Poster poster,
                                      Scoring scoring, Status status) {
        return new Submission(0, siteKey, receipt, receivedAt, posted, poster, scoring, Review.undecided(status));
    }

    /** Where its publication stands: seen, sent or failed; null when it was never approved nor tried. */
    public Publication.State publicationState() {
        return Publication.stateOf(review.status(), review.publication(), review.replayError());
    }

    /** True when it was approved longer than {@code after} before {@code now} and its text was never seen on a page. */
    public boolean unseenFor(Instant now, Duration after) {
        return review.status() == Status.APPROVED && review.publication().unseenFor(now, after);
    }

    /** The first value of a field as the application receives it, or an empty string. */
    public String field(String name) {
        List<String> values = allFields().get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    /**
     * Every field the application can read, query-string values first as {@code getParameterValues} lists
     * them: what moderators see, what is scored and what listeners get.
     */
    public Map<String, List<String>> allFields() {
        return FormFields.merge(posted.queryFields(), posted.fields());
    }

    /** Every field exactly as posted, query-string values first. */
    public Map<String, List<String>> allRawFields() {
        return FormFields.merge(posted.rawQueryFields(), posted.rawFields());
    }

    /** The same submission with an id (after it is stored). */
    public Submission withId(long newId) {
        return new Submission(newId, siteKey, receipt, receivedAt, posted, poster, scoring, review);
    }
}
