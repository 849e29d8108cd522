package vn.schoolguard.internal.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import vn.schoolguard.internal.store.SubmissionStoreTestAccess;
import vn.schoolguard.testing.MutableClock;

/** The replay token: bound to one request, one process, one use, one minute. */
class ReplayTokensTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
    private final ReplayTokens tokens = new ReplayTokens(clock, Duration.ofSeconds(60));
    private final Submission submission = SubmissionStoreTestAccess.sample(42);
    private final byte[] body = "author=An&content=Ch%C3%A0o".getBytes(StandardCharsets.UTF_8);

    private String issue() {
        return tokens.issue(new ReplayTokens.Grant(submission, SessionValues.NONE),
                new ReplayTokens.Target("POST", "/news/1/comments", "page=2", body));
    }

    private Optional<ReplayTokens.Grant> redeem(ReplayTokens by, String token, String method, String path, String query, byte[] bytes,
                                                StringBuilder why) {
        return by.redeem(token, method, path, query, bytes, why);
    }

    @Test
    void validTokenIsRedeemedOnceThenRefusedAsUsed() {
        String token = issue();
        StringBuilder why = new StringBuilder();
        assertThat(redeem(tokens, token, "POST", "/news/1/comments", "page=2", body, why)).isPresent()
                .hasValueSatisfying(g -> assertThat(g.submission().id()).isEqualTo(42));
        assertThat(redeem(tokens, token, "POST", "/news/1/comments", "page=2", body, why)).isEmpty();
        assertThat(why).contains("already used");
    }

    @Test
    void expiredTokenIsRefused() {
        String token = issue();
        clock.advance(Duration.ofSeconds(61));
        StringBuilder why = new StringBuilder();
        assertThat(redeem(tokens, token, "POST", "/news/1/comments", "page=2", body, why)).isEmpty();
        assertThat(why).contains("expired");
    }

    @Test
    void tokenOfAnotherProcessIsRefused() {
        String token = issue();
        StringBuilder why = new StringBuilder();
        assertThat(redeem(new ReplayTokens(clock, Duration.ofSeconds(60)), token, "POST", "/news/1/comments", "page=2", body, why))
                .isEmpty();
        assertThat(why).contains("signature does not match");
    }

    @ParameterizedTest(name = "{0} {1}?{2} body {3}")
    @CsvSource({
            "PUT, /news/1/comments, page=2, author=An&content=Ch%C3%A0o",
            "POST, /news/2/comments, page=2, author=An&content=Ch%C3%A0o",
            "POST, /news/1/comments, page=3, author=An&content=Ch%C3%A0o",
            "POST, /news/1/comments, '', author=An&content=Ch%C3%A0o",
            "POST, /news/1/comments, page=2, author=An&content=Ch%C3%A0o+<a href=//casino>",
            "POST, /news/1/comments, page=2, ''"})
    void tokenMovedToAnotherRequestIsRefusedAndStaysUnused(String method, String path, String query, String otherBody) {
        String token = issue();
        StringBuilder why = new StringBuilder();
        assertThat(redeem(tokens, token, method, path, query.isEmpty() ? null : query,
                otherBody == null ? new byte[0] : otherBody.getBytes(StandardCharsets.UTF_8), why)).isEmpty();
        assertThat(why).contains("signature does not match");
        assertThat(redeem(tokens, token, "POST", "/news/1/comments", "page=2", body, new StringBuilder())).isPresent();
    }

    @ParameterizedTest
    @CsvSource({"''", "v1", "v2.1.a.1.b", "v1.x.a.1.b", "v1.1.a.notanumber.b", "v1.1.a.1.b.c"})
    void malformedTokenIsRefused(String token) {
        StringBuilder why = new StringBuilder();
        assertThat(redeem(tokens, token, "POST", "/news/1/comments", null, body, why)).isEmpty();
        assertThat(why.toString()).isNotBlank();
    }

    @Test
    void tokenWithAnotherSubmissionIdIsRefused() {
        String[] parts = issue().split("\\.");
        String altered = parts[0] + ".43." + parts[2] + "." + parts[3] + "." + parts[4];
        StringBuilder why = new StringBuilder();
        assertThat(redeem(tokens, altered, "POST", "/news/1/comments", "page=2", body, why)).isEmpty();
        assertThat(why).contains("signature does not match");
    }
}
