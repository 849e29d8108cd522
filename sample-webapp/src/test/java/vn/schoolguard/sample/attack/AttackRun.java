package vn.schoolguard.sample.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.schoolguard.sample.SiteHttp;
import vn.schoolguard.sample.TestSite;

/**
 * Runs the cases of one attack file against one guarded sample site, in order, and checks after each what the
 * answer was, what the IP log recorded, what reached the queue and, once the held posts are approved, that no public
 * page gained anything active (see {@link ActiveContent}) or any text the case forbids.
 */
final class AttackRun implements AutoCloseable {

    static final String PASSWORD = "attack-Suite-pw1";
    private static final List<String> PUBLIC_PAGES = List.of("/", "/news/1", "/guestbook");
    private static final Pattern REPEAT = Pattern.compile("\\{\\{repeat:(\\d+):(.*?)}}", Pattern.DOTALL);
    private static final Pattern BASIC = Pattern.compile("\\{\\{basic:([a-z-]+)}}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AttackFile file;
    private TestSite site;
    private RawHttp raw;
    private SiteHttp moderator;
    private SiteHttp investigator;
    private long lastSeq;
    private final Map<String, String> pages = new HashMap<>();

    AttackRun(AttackFile file) {
        this.file = file;
    }

    /** Runs one case; throws an assertion error naming the case and what broke. */
    void run(int index, AttackFile.Case attack) throws IOException {
        try {
            attack(index, attack);
        } catch (AssertionError e) {
            throw new AssertionError(attack.id() + ": " + e.getMessage(), e);
        }
    }

    private void attack(int index, AttackFile.Case attack) throws IOException {
        ensureStarted();
        // Entries a failed earlier case left unread are not this case's.
        newLogEntries();
        String marker = "atk" + index + "m" + Long.toHexString(System.nanoTime() & 0xffffff);
        Set<Long> queuedBefore = queued();
        List<String> watched = new ArrayList<>(new LinkedHashSet<>(concat(PUBLIC_PAGES,
                attack.after() == null ? List.of() : attack.after().pages())));
        Map<String, String> before = new HashMap<>();
        for (String page : watched) {
            before.put(page, pages.computeIfAbsent(page, this::fetch));
        }

        RawHttp.Response answer = null;
        for (int i = 0; i < attack.request().times(); i++) {
            answer = raw.exchange(requestBytes(attack.request(), marker));
        }
        AttackFile.Expect expect = attack.expect() == null
                ? new AttackFile.Expect(null, null, null, null, null, null, null, null) : attack.expect();
        checkAnswer(answer, expect, marker);
        checkLog(expect);

        Set<Long> added = new HashSet<>(queued());
        added.removeAll(queuedBefore);
        if (expect.held() != null) {
            assertThat(added).as("submissions the case added to the queue").hasSize(expect.held());
        }
        if (attack.approveHeld()) {
            approve(added, expect.approval());
        }

        Map<String, String> after = new HashMap<>();
        for (String page : watched) {
            after.put(page, fetch(page));
            pages.put(page, after.get(page));
        }
        checkPages(attack, before, after, marker);
    }

    private void checkAnswer(RawHttp.Response answer, AttackFile.Expect expect, String marker) {
        String what = "answer " + answer.status() + " " + excerpt(answer.body());
        if (!expect.status().isEmpty()) {
            assertThat(answer.status()).as("status of the " + what).isIn(expect.status());
        } else {
            assertThat(answer.status()).as("a clear answer, never a server error: " + what).isLessThan(500);
        }
        for (String text : expect.bodyContains()) {
            assertThat(answer.body()).as("body of the answer").contains(fill(text, marker));
        }
        for (String text : expect.bodyNotContains()) {
            assertThat(answer.body()).as("body of the answer").doesNotContain(fill(text, marker));
        }
        for (String line : expect.headers()) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim();
            String regex = line.substring(colon + 1).trim();
            assertThat(answer.header(name)).as("header " + name + " of the " + what).isPresent();
            assertThat(answer.header(name).get()).as("header " + name).matches(Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
        }
    }

    private void checkLog(AttackFile.Expect expect) {
        List<JsonNode> entries = newLogEntries();
        if (expect.log() != null) {
            List<String> outcomes = entries.stream().map(e -> e.path("outcome").asText()).sorted().toList();
            assertThat(outcomes).as("outcomes of the IP-log entries the case added " + describe(entries))
                    .isEqualTo(expect.log().stream().sorted().toList());
        }
        if (expect.logClient() != null) {
            assertThat(entries).as("IP-log entries the case added").isNotEmpty();
            for (JsonNode entry : entries) {
                assertThat(entry.path("client_ip").asText()).as("client address logged " + describe(entries))
                        .isEqualTo(expect.logClient());
            }
        }
    }

    private void checkPages(AttackFile.Case attack, Map<String, String> before, Map<String, String> after, String marker) {
        for (String page : after.keySet()) {
            Map<String, Integer> was = ActiveContent.count(before.get(page));
            Map<String, Integer> now = ActiveContent.count(after.get(page));
            now.forEach((signature, count) -> assertThat(count)
                    .as("active content '" + signature + "' on public page " + page + " after case " + attack.id())
                    .isLessThanOrEqualTo(was.getOrDefault(signature, 0)));
        }
        if (attack.after() == null) {
            return;
        }
        String all = String.join("\n", after.values());
        for (String text : attack.after().mustContain()) {
            assertThat(all).as("public pages " + after.keySet()).contains(fill(text, marker));
        }
        for (String text : attack.after().mustNotContain()) {
            assertThat(all).as("public pages " + after.keySet()).doesNotContain(fill(text, marker));
        }
    }

    private void approve(Set<Long> ids, List<Integer> expectedStatus) {
        for (long id : ids) {
            JsonNode item = json(moderator.get("/_schoolguard/api/submissions?status=pending&limit=1000"));
            boolean pending = false;
            for (JsonNode node : item.path("items")) {
                pending |= node.path("id").asLong() == id;
            }
            if (!pending) {
                continue;
            }
            HttpResponse<String> approved = moderator.post("/_schoolguard/api/submissions/" + id + "/approve",
                    "application/json", "{}");
            assertThat(approved.statusCode()).as("approval of submission " + id + ": " + excerpt(approved.body()))
                    .isIn(expectedStatus);
        }
    }

    private Set<Long> queued() {
        Set<Long> ids = new HashSet<>();
        for (String status : List.of("pending", "spam")) {
            for (JsonNode node : json(moderator.get("/_schoolguard/api/submissions?status=" + status + "&limit=1000")).path("items")) {
                ids.add(node.path("id").asLong());
            }
        }
        return ids;
    }

    private List<JsonNode> newLogEntries() {
        List<JsonNode> entries = new ArrayList<>();
        long highest = lastSeq;
        for (JsonNode entry : json(investigator.get("/_schoolguard/api/iplog?limit=500")).path("items")) {
            long seq = entry.path("seq").asLong();
            if (seq > lastSeq) {
                entries.add(entry);
                highest = Math.max(highest, seq);
            }
        }
        lastSeq = highest;
        return entries;
    }

    private byte[] requestBytes(AttackFile.Request request, String marker) {
        if (request.raw() != null) {
            String text = fill(request.raw(), marker).replace("\r\n", "\n").replace("\n", "\r\n");
            return text.getBytes(StandardCharsets.UTF_8);
        }
        String body = request.body() == null ? null : fill(request.body(), marker);
        byte[] bodyBytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder();
        head.append(request.method() == null ? "GET" : request.method()).append(' ')
                .append(fill(request.path(), marker)).append(" HTTP/1.1\r\n");
        Set<String> given = new HashSet<>();
        for (String header : request.headers()) {
            String line = fill(header, marker);
            given.add(line.substring(0, Math.max(0, line.indexOf(':'))).trim().toLowerCase(Locale.ROOT));
            head.append(line).append("\r\n");
        }
        if (!given.contains("host")) {
            head.append("Host: ").append(host()).append("\r\n");
        }
        if (body != null && !given.contains("content-length") && !given.contains("transfer-encoding")) {
            head.append("Content-Length: ").append(bodyBytes.length).append("\r\n");
        }
        if (!given.contains("connection")) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[headBytes.length + bodyBytes.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(bodyBytes, 0, all, headBytes.length, bodyBytes.length);
        return all;
    }

    private String fill(String text, String marker) {
        if (text == null) {
            return null;
        }
        Matcher repeat = REPEAT.matcher(text);
        StringBuilder expanded = new StringBuilder();
        while (repeat.find()) {
            repeat.appendReplacement(expanded, Matcher.quoteReplacement(repeat.group(2).repeat(Integer.parseInt(repeat.group(1)))));
        }
        repeat.appendTail(expanded);
        Matcher basic = BASIC.matcher(expanded.toString());
        StringBuilder withAuth = new StringBuilder();
        while (basic.find()) {
            String credentials = basic.group(1) + ":" + PASSWORD;
            basic.appendReplacement(withAuth, "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        basic.appendTail(withAuth);
        return withAuth.toString().replace("{{marker}}", marker).replace("{{host}}", host());
    }

    private String host() {
        return "127.0.0.1:" + site.baseUri().getPort();
    }

    private String fetch(String page) {
        HttpResponse<String> response = site.http().get(page);
        assertThat(response.statusCode()).as("public page " + page).isEqualTo(200);
        return response.body();
    }

    private void ensureStarted() {
        if (site != null) {
            return;
        }
        site = TestSite.start(TestSite.options(PASSWORD).withExtraSettings(file.settings()));
        raw = new RawHttp("127.0.0.1", site.baseUri().getPort());
        moderator = site.http().withBasicAuth("moderator", PASSWORD);
        investigator = site.http().withBasicAuth("investigator", PASSWORD);
        newLogEntries();
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("API answer " + excerpt(response.body())).isEqualTo(200);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("the API did not answer JSON: " + excerpt(response.body()), e);
        }
    }

    private static String describe(List<JsonNode> entries) {
        return entries.stream().map(e -> e.path("outcome").asText() + "@" + e.path("client_ip").asText()
                + (e.path("detail").isMissingNode() || e.path("detail").isNull() ? "" : " (" + e.path("detail").asText() + ")")).toList().toString();
    }

    private static String excerpt(String text) {
        String plain = text == null ? "" : text.replaceAll("\\s+", " ");
        return plain.length() > 400 ? plain.substring(0, 400) + "…" : plain;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Override
    public void close() {
        if (site != null) {
            site.close();
            site = null;
        }
    }
}
