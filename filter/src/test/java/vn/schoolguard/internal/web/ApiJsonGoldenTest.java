package vn.schoolguard.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import vn.schoolguard.internal.db.Json;
import vn.schoolguard.testing.TestSite;

/**
 * The JSON of every REST endpoint, byte for byte (field names, order, nulls) against golden files under
 * {@code src/test/resources/web/api}: the calls in {@code calls.txt} run in order against one site with hostile
 * submissions (and the poster's receipt status as JSON); times, ports, hashes and receipt codes are masked.
 * {@code -Dgolden.write=true} rewrites the files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiJsonGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/web/api");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");
    private static final Pattern LOCAL_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d+)? [+-]\\d{2}:\\d{2}");
    private static final Pattern CLIENT = Pattern.compile("Java-http-client/[0-9._]+");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{32,}");

    @TempDir
    static Path dataDir;

    TestSite site;
    final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    void start() throws Exception {
        site = new TestSite(dataDir, Map.of("proxies.trusted", "127.0.0.1", "implant.sample-rate", "1",
                "site.key", "thcs-ngoquyen"));
        // A page with a planted link: the incident it raises is what /api/incidents shows.
        site.pages.put("/tin-tuc/lich-thi", new TestSite.Served("<html><body><p>Lịch thi</p><div style=\"display:none\">"
                + "<a href=\"https://fb88a.com/?a=<b>\">nhà cái uy tín</a></div></body></html>", Map.of()));
        site.get("/tin-tuc/lich-thi");
        for (int i = 0; i < 200 && send("GET", "/api/incidents", "mod", "").body().contains("\"items\":[]"); i++) {
            Thread.sleep(50);
        }
        post("/posts/1/comments", "113.161.72.5", "author", "Minh <script>alert(1)</script>", "email", "minh@example.vn",
                "content", "<p onclick=\"x()\">Bài viết hay</p><script>steal()</script>");
        post("/posts/1/comments", "27.72.1.9", "author", "\u202Eevil", "content", "nhà cái cá cược tặng 100k bit.ly/x",
                "content", "second", "tag", "a", "tag", "b");
        post("/posts/2/comments", "[2402:800:6314::5]:53211", "author", "", "content",
                "\"quoted\" & <b>bold</b> \u0000 \uD83D\uDE00");
    }

    /** A form post in the given field order (pairs of name and value) from a client behind the trusted proxy. */
    private void post(String path, String forwardedFor, String... pairs) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(body.length() == 0 ? "" : "&").append(java.net.URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
                    .append('=').append(java.net.URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        site.post(path, "application/x-www-form-urlencoded; charset=UTF-8", body.toString(), "X-Forwarded-For", forwardedFor);
    }

    @AfterAll
    void stop() throws Exception {
        site.close();
    }

    @Test
    void everyEndpointAnswersTheGoldenJson() throws Exception {
        boolean write = Boolean.getBoolean("golden.write");
        List<String> mismatches = new ArrayList<>();
        for (String line : Files.readAllLines(GOLDEN.resolve("calls.txt"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] call = line.split("\\|", 5);
            String name = call[0].trim();
            HttpResponse<String> response = send(call[1].trim(), receipts(call[2].trim()), call[3].trim(), call[4].trim());
            String actual = response.statusCode() + "\n" + masked(response.body()) + "\n";
            Path file = GOLDEN.resolve(name + ".json");
            if (write) {
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            } else if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(actual)) {
                mismatches.add(name + ":\n" + actual);
            }
        }
        assertThat(mismatches).as("endpoints whose JSON differs from the golden files").isEmpty();
    }

    /** {@code {receipt:N}} in a path stands for submission N's receipt code. */
    private String receipts(String path) throws IOException, InterruptedException {
        java.util.regex.Matcher m = Pattern.compile("\\{receipt:(\\d+)}").matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String item = send("GET", "/api/submissions/" + m.group(1), "mod", "").body();
            m.appendReplacement(out, Json.MAPPER.readTree(item).path("receipt").asText());
        }
        return m.appendTail(out).toString();
    }

    private HttpResponse<String> send(String method, String path, String user, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(site.base() + "/_schoolguard" + path))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Accept", "application/json");
        if (!body.isEmpty()) {
            request.header("Content-Type", "application/json; charset=UTF-8");
        }
        if (!user.equals("-")) {
            request.header("Authorization", TestSite.basic(user, TestSite.PASSWORD));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The body pretty-printed in its own order, with what changes from run to run masked; text as it is. */
    private static String masked(String body) throws IOException {
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return body;
        }
        mask(tree);
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    }

    private static void mask(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<String> names = new ArrayList<>();
            fields.forEachRemaining(e -> names.add(e.getKey()));
            for (String name : names) {
                JsonNode value = object.get(name);
                String lower = name.toLowerCase(java.util.Locale.ROOT);
                if (lower.endsWith("port") && value.isNumber()) {
                    object.put(name, "<port>");
                } else if (lower.equals("receipt") && value.isTextual()) {
                    object.put(name, "<receipt>");
                } else if (value.isTextual()) {
                    object.set(name, text(value.asText()));
                } else {
                    mask(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, text(array.get(i).asText()));
                } else {
                    mask(array.get(i));
                }
            }
        }
    }

    private static TextNode text(String value) {
        String masked = INSTANT.matcher(value).replaceAll("<instant>");
        masked = LOCAL_TIME.matcher(masked).replaceAll("<local-time>");
        masked = CLIENT.matcher(masked).replaceAll("<http-client>");
        masked = HEX.matcher(masked).replaceAll("<hex>");
        return TextNode.valueOf(masked);
    }
}
