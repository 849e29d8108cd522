package vn.schoolguard.internal.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import org.eclipse.jetty.ee10.servlet.ServletHolder;

import vn.schoolguard.internal.db.Json;
import vn.schoolguard.testing.TestSite;

/** A route with several addresses of one handler, and a pass-through condition that cannot be spoofed into publishing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutePatternsAndPassIfTest {

    private static final String INVESTIGATOR = TestSite.basic("inv", TestSite.PASSWORD);

    @TempDir
    static Path dataDir;

    TestSite site;

    @BeforeAll
    void start() throws Exception {
        site = new TestSite(dataDir, Map.of(
                "route.comments.match", "POST /posts/*/comments, POST /internal/comment",
                "route.comments.pass-if", "action=preview|cancel",
                "ratelimit.enabled", "false"),
                (s, context) -> context.addServlet(new ServletHolder(s.commentHandler()), "/internal/*"));
    }

    @AfterAll
    void stop() throws Exception {
        site.close();
    }

    @Test
    void everyPatternOfARouteIsHeldIncludingTheInternalAddressOfTheSameHandler() throws Exception {
        int stored = site.stored.size();
        HttpResponse<String> internal = site.postForm("/internal/comment", Map.of("author", "An", "content", "Bình luận"),
                "Accept", "application/json");
        HttpResponse<String> usual = site.postForm("/posts/3/comments", Map.of("author", "An", "content", "Bình luận"),
                "Accept", "application/json");
        assertThat(internal.statusCode()).as(internal.body()).isEqualTo(202);
        assertThat(usual.statusCode()).as(usual.body()).isEqualTo(202);
        assertThat(site.stored).hasSize(stored);
        assertThat(newestLog().path("path").asText()).isEqualTo("/posts/3/comments");
    }

    record Case(String expect, String query, String type, String body) {
        @Override
        public String toString() {
            return expect + " ?" + query + " " + type + " " + body;
        }
    }

    static Stream<Case> cases() throws IOException {
        try (InputStream in = RoutePatternsAndPassIfTest.class.getResourceAsStream("/routes/pass-if-cases.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t", 4))
                    .map(p -> new Case(p[0], p[1], p[2], p[3]))
                    .toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void regressionPassIfIsJudgedOnTheExactDecodedFieldInQueryAndBodyAlike(Case c) throws Exception {
        int stored = site.stored.size();
        String path = "/posts/7/comments" + (c.query().equals("-") ? "" : "?" + c.query());
        String type = c.type().equals("json") ? "application/json" : "application/x-www-form-urlencoded";
        byte[] body = c.body().getBytes(StandardCharsets.UTF_8);
        // Sent as raw bytes, so that malformed escapes reach the server as written.
        String answer = site.raw("POST /school" + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
                + "Content-Type: " + type + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n", body);
        int status = Integer.parseInt(answer.substring(9, 12));
        JsonNode logged = newestLog();
        if (c.expect().equals("pass")) {
            assertThat(site.stored).as(answer).hasSize(stored + 1);
            TestSite.Stored seen = site.stored.get(site.stored.size() - 1);
            // The application still reads the whole body: the fields, as a form or as JSON.
            assertThat(seen.parameters().get("content")).as("what the application read").isNotNull();
            assertThat(logged.path("outcome").asText()).isEqualTo("bypassed");
            assertThat(logged.path("detail").asText()).isEqualTo("pass-if action=cancel|preview");
        } else {
            assertThat(site.stored).as("reached the application: %s", answer).hasSize(stored);
            assertThat(status).as(answer).isIn(202, 400, 415);
            assertThat(logged.path("outcome").asText()).isIn("held", "refused");
        }
    }

    private JsonNode newestLog() throws Exception {
        return Json.MAPPER.readTree(site.get("/_schoolguard/api/iplog", "Authorization", INVESTIGATOR).body())
                .path("items").get(0);
    }
}
