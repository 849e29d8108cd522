package vn.schoolguard.internal.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.DriverManager;
import java.util.List;
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

import vn.schoolguard.internal.db.Json;
import vn.schoolguard.internal.db.StoreSettings;
import vn.schoolguard.testing.TestSite;

/** A submission is stored under one canonical, encoded path and replayed only to a target that still matches its route. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CanonicalDispatchTest {

    private static final String MOD = TestSite.basic("mod", TestSite.PASSWORD);

    @TempDir
    static Path dataDir;

    TestSite site;

    @BeforeAll
    void start() throws Exception {
        site = new TestSite(dataDir, Map.of());
    }

    @AfterAll
    void stop() throws Exception {
        site.close();
    }

    record Case(String expect, String target, String detail) {
        @Override
        public String toString() {
            return expect + " " + target;
        }
    }

    static Stream<Case> cases() throws IOException {
        try (InputStream in = CanonicalDispatchTest.class.getResourceAsStream("/paths/hostile-submission-paths.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t"))
                    .map(p -> new Case(p[0], p[1], p[2]))
                    .toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void regressionHostileSubmissionPathsAreRefusedAndBenignOnesStoredCanonically(Case c) throws Exception {
        int before = pending().size();
        int storedBefore = site.stored.size();
        String body = "content=hello";
        String answer = site.raw("POST /school" + c.target() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n", body.getBytes(StandardCharsets.US_ASCII));
        String status = answer.isEmpty() ? "" : answer.substring(9, 12);
        if (c.expect().equals("refused")) {
            assertThat(status).as(answer).isEqualTo("400");
            if (!c.detail().equals("-")) {
                assertThat(answer).contains(c.detail());
            }
            assertThat(pending()).hasSize(before);
        } else {
            assertThat(status).as(answer).isEqualTo("202");
            List<JsonNode> now = pending();
            assertThat(now).hasSize(before + 1);
            assertThat(now.get(now.size() - 1).path("path").asText()).isEqualTo(c.detail());
        }
        assertThat(site.stored).hasSize(storedBefore);
    }

    @Test
    void regressionStoredPathThatIsNotCanonicalOrOffTheRouteFailsTheReplayVisibly() throws Exception {
        for (String tampered : List.of("/posts/1?/comments", "/posts/1/../../admin/delete", "/posts/1%3F/comments",
                "/admin/delete")) {
            site.postForm("/posts/9/comments", Map.of("content", "tampered " + tampered));
            long id = pending().get(pending().size() - 1).path("id").asLong();
            try (Connection c = DriverManager.getConnection(StoreSettings.h2Url(dataDir), "sa", "");
                 PreparedStatement ps = c.prepareStatement("UPDATE sg_submissions SET path = ? WHERE id = ?")) {
                ps.setString(1, tampered);
                ps.setLong(2, id);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            HttpResponse<String> approved = site.post("/_schoolguard/api/submissions/" + id + "/approve", "application/json", "{}",
                    "Authorization", MOD);
            assertThat(approved.statusCode()).as(approved.body()).isEqualTo(502);
            JsonNode item = Json.MAPPER.readTree(approved.body());
            assertThat(item.path("status").asText()).isEqualTo("pending");
            assertThat(item.path("replayError").asText()).contains("not replayed");
            assertThat(site.stored).isEmpty();
        }
    }

    private List<JsonNode> pending() throws Exception {
        JsonNode list = Json.MAPPER.readTree(site.get("/_schoolguard/api/submissions?status=pending&limit=1000",
                "Authorization", MOD).body());
        List<JsonNode> items = new java.util.ArrayList<>();
        list.path("items").forEach(items::add);
        return items;
    }
}
