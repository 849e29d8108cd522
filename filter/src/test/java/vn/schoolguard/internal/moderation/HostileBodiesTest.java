package vn.schoolguard.internal.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import vn.schoolguard.testing.TestSite;

/** Hostile bodies get a clear 4xx with a reason and an IP log entry; nothing is held or reaches the application. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileBodiesTest {

    private static final String INV = TestSite.basic("inv", TestSite.PASSWORD);

    @TempDir
    static Path dataDir;

    TestSite site;

    @BeforeAll
    void start() throws Exception {
        site = new TestSite(dataDir, Map.of("limits.max-body", "2KB", "limits.max-fields", "5", "limits.max-field-chars", "500"));
    }

    @AfterAll
    void stop() throws Exception {
        site.close();
    }

    record Case(int status, String contentType, String body, String reason) {
        @Override
        public String toString() {
            return status + " " + contentType + " " + body.substring(0, Math.min(40, body.length()));
        }
    }

    static Stream<Case> cases() throws IOException {
        try (InputStream in = HostileBodiesTest.class.getResourceAsStream("/bodies/hostile-bodies.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t", -1))
                    .map(p -> new Case(Integer.parseInt(p[0]), p[1], unescape(p[2]), p[3]))
                    .toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void regressionHostileBodyGetsAClear4xxAndARefusedIpLogEntry(Case c) throws Exception {
        int logged = ipLogTotal();
        byte[] body = c.body().getBytes(StandardCharsets.UTF_8);
        if (c.body().contains("\ud800")) {
            body = c.body().replace("\ud800", "").getBytes(StandardCharsets.UTF_8);
            body = concat(body, 12, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        }
        String answer = site.raw("POST /school/posts/1/comments HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: " + c.contentType() + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n", body);
        assertThat(answer).as(answer).startsWith("HTTP/1.1 " + c.status() + " ");
        assertThat(answer).contains(escaped(c.reason()));
        assertThat(site.stored).isEmpty();
        assertThat(ipLogTotal()).isEqualTo(logged + 1);
        JsonNode newest = Json.MAPPER.readTree(site.get("/_schoolguard/api/iplog?limit=1", "Authorization", INV).body())
                .path("items").get(0);
        assertThat(newest.path("outcome").asText()).isEqualTo("refused");
    }

    @Test
    void regressionDeeplyNestedJsonGets400() throws Exception {
        String body = "{\"a\":" + "[".repeat(1000) + "]".repeat(1000) + "}";
        String answer = site.raw("POST /school/posts/1/comments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n", body.getBytes(StandardCharsets.US_ASCII));
        assertThat(answer).startsWith("HTTP/1.1 400 ").contains("nested");
    }

    @Test
    void regressionBodyOverMaxBodyGets413WithoutBeingReadAndTheConnectionIsClosed() throws Exception {
        int logged = ipLogTotal();
        // Far over both our limit and the container's own form limit, so that reading it would fail differently.
        String answer = site.raw("POST /school/posts/1/comments HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 10000000\r\n\r\n",
                ("content=" + "x".repeat(4000)).getBytes(StandardCharsets.US_ASCII));
        assertThat(answer).startsWith("HTTP/1.1 413 ");
        assertThat(answer.toLowerCase()).contains("connection: close");
        assertThat(answer).contains("2048");
        assertThat(ipLogTotal()).isEqualTo(logged + 1);
    }

    @Test
    void regressionChunkedBodyOverMaxBodyGets413AndTheConnectionIsClosed() throws Exception {
        int logged = ipLogTotal();
        String chunk = "y".repeat(1000);
        StringBuilder body = new StringBuilder(Integer.toHexString(8) + "\r\ncontent=\r\n");
        for (int i = 0; i < 300; i++) {
            body.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        String answer = site.raw("POST /school/posts/1/comments HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n",
                body.toString().getBytes(StandardCharsets.US_ASCII));
        assertThat(answer).startsWith("HTTP/1.1 413 ");
        assertThat(answer.toLowerCase()).contains("connection: close");
        assertThat(ipLogTotal()).isEqualTo(logged + 1);
    }

    private int ipLogTotal() throws Exception {
        return Json.MAPPER.readTree(site.get("/_schoolguard/api/iplog?limit=1", "Authorization", INV).body()).path("total").asInt();
    }

    private static String escaped(String text) {
        return vn.schoolguard.internal.web.Http.escape(text);
    }

    private static byte[] concat(byte[] body, int at, byte[] inserted) {
        byte[] out = new byte[body.length + inserted.length];
        System.arraycopy(body, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(body, at, out, at + inserted.length, body.length - at);
        return out;
    }

    private static String unescape(String text) {
        Matcher m = Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        return m.appendTail(out).toString();
    }
}
