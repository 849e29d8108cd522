package vn.schoolguard.internal.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.schoolguard.internal.db.Json;
import vn.schoolguard.testing.RecordingProxy;
import vn.schoolguard.testing.TestSite;

/**
 * Loopback replay end to end on a real Jetty: the application's own REQUEST-only filters run on replay, the
 * replay token cannot be forged, reused or sent from elsewhere, and the application sees the poster only.
 */
class LoopbackReplayTest {

    private static final String MOD = TestSite.basic("mod", TestSite.PASSWORD);

    @TempDir
    Path dataDir;

    TestSite site;
    final List<Map<String, Object>> probes = new CopyOnWriteArrayList<>();
    final List<String> quizStored = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws Exception {
        if (site != null) {
            site.close();
        }
    }

    private TestSite start(Map<String, String> extra) throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of(
                "route.entry.match", "POST /entry/*/comments",
                "route.entry.fields", "author:author, content:html",
                "route.loop.match", "POST /loop/*/comments",
                "route.probe.match", "POST /probe/*",
                "route.quiz.match", "POST /quiz/answer",
                "route.quiz.session-attributes", "quizAnswer, quizList"));
        settings.putAll(extra);
        site = new TestSite(dataDir, settings, blogEngine());
        return site;
    }

    /** Like a blog engine on Tomcat: pretty URLs mapped to the comment servlet by a filter for REQUEST only. */
    private Consumer<ServletContextHandler> blogEngine() {
        return context -> {
            context.setSessionHandler(new org.eclipse.jetty.ee10.servlet.SessionHandler());
            Filter mapping = (req, res, chain) -> {
                HttpServletRequest r = (HttpServletRequest) req;
                String path = r.getRequestURI().substring(r.getContextPath().length());
                r.getRequestDispatcher("/posts" + path.substring("/entry".length())).forward(req, res);
            };
            context.addFilter(new FilterHolder(mapping), "/entry/*", EnumSet.of(DispatcherType.REQUEST));
            // This one also runs on forwards, and the servlet it maps to forwards once more.
            Filter looping = (req, res, chain) -> {
                HttpServletRequest r = (HttpServletRequest) req;
                String path = r.getRequestURI().substring(r.getContextPath().length());
                r.getRequestDispatcher("/dispatch" + path.substring("/loop".length())).forward(req, res);
            };
            context.addFilter(new FilterHolder(looping), "/loop/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.FORWARD));
            context.addServlet(new ServletHolder(new HttpServlet() {
                @Override
                protected void doPost(HttpServletRequest req, HttpServletResponse res) throws jakarta.servlet.ServletException, IOException {
                    req.getRequestDispatcher("/posts" + req.getPathInfo()).forward(req, res);
                }
            }), "/dispatch/*");
            context.addServlet(new ServletHolder(new ProbeServlet()), "/probe/*");
            context.addServlet(new ServletHolder(new QuizServlet()), "/quiz/*");
        };
    }

    /** Records what the application sees of a replayed request. */
    private final class ProbeServlet extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
            Map<String, Object> seen = new HashMap<>();
            seen.put("remoteAddr", req.getRemoteAddr());
            seen.put("remotePort", req.getRemotePort());
            seen.put("remoteHost", req.getRemoteHost());
            seen.put("locale", req.getLocale().toLanguageTag());
            seen.put("cookie", String.valueOf(req.getHeader("Cookie")));
            seen.put("authorization", String.valueOf(req.getHeader("Authorization")));
            seen.put("session", String.valueOf(req.getSession(false)));
            seen.put("token", String.valueOf(req.getHeader("X-SchoolGuard-Replay")));
            seen.put("headerNames", Collections.list(req.getHeaderNames()).toString().toLowerCase());
            seen.put("host", req.getHeader("Host"));
            seen.put("userAgent", String.valueOf(req.getHeader("User-Agent")));
            seen.put("text", String.valueOf(req.getParameter("text")));
            seen.put("q", String.valueOf(req.getParameter("q")));
            seen.put("dispatcher", req.getDispatcherType().name());
            probes.add(seen);
            res.setStatus(201);
        }
    }

    /** A site's own challenge: the answer to a math question is kept in the session and checked on post. */
    private final class QuizServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
            HttpSession session = req.getSession(true);
            session.setAttribute("quizAnswer", 7);
            session.setAttribute("quizList", new ArrayList<>(List.of("not kept")));
            res.getWriter().write("3 + 4 = ?");
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
            HttpSession session = req.getSession(false);
            Object expected = session == null ? null : session.getAttribute("quizAnswer");
            if (!(expected instanceof Integer) || !String.valueOf(expected).equals(req.getParameter("answer"))
                    || session.getAttribute("quizList") != null) {
                res.sendError(403, "wrong answer to the math question");
                return;
            }
            quizStored.add(req.getParameter("text"));
            res.sendRedirect(req.getContextPath() + "/quiz/form");
        }
    }

    @Test
    void defaultLoopbackReplayPublishesThroughARequestOnlyMappingFilter() throws Exception {
        start(Map.of());
        assertThat(site.postForm("/entry/7/comments", Map.of("author", "An", "content", "Hay quá")).statusCode()).isEqualTo(303);
        assertThat(site.stored).isEmpty();
        JsonNode approved = approve(onlyPendingId());
        assertThat(approved.path("status").asText()).as(approved.toString()).isEqualTo("approved");
        assertThat(site.stored).hasSize(1);
        assertThat(site.stored.get(0).path()).isEqualTo("/7/comments");
        assertThat(site.stored.get(0).parameters().get("content")).containsExactly("Hay quá");
    }

    @Test
    void forwardModeStillReplaysButSkipsRequestOnlyFilters() throws Exception {
        start(Map.of("replay.mode", "forward"));
        site.postForm("/posts/3/comments", Map.of("author", "An", "content", "Chào"));
        assertThat(approve(onlyPendingId()).path("status").asText()).isEqualTo("approved");
        assertThat(site.stored).hasSize(1);

        site.postForm("/entry/3/comments", Map.of("author", "An", "content", "Qua ánh xạ"));
        JsonNode failed = approve(onlyPendingId());
        assertThat(failed.path("status").asText()).isEqualTo("pending");
        // Jetty's default servlet answers the unmapped path: 404 or 405 for a POST.
        assertThat(failed.path("replayStatus").asInt()).isBetween(404, 405);
        assertThat(site.stored).hasSize(1);
    }

    @Test
    void replayThroughAFilterThatRunsOnForwardsAndForwardsAgainLandsOnce() throws Exception {
        start(Map.of());
        site.postForm("/loop/5/comments", Map.of("author", "An", "content", "Một lần thôi"));
        assertThat(approve(onlyPendingId()).path("status").asText()).isEqualTo("approved");
        assertThat(site.stored).hasSize(1);
        assertThat(site.stored.get(0).path()).isEqualTo("/5/comments");
    }

    @Test
    void theApplicationSeesThePosterNeverTheModerator() throws Exception {
        start(Map.of());
        HttpResponse<String> posted = site.post("/probe/1?q=" + "c%C3%A2u", "application/x-www-form-urlencoded; charset=UTF-8",
                "text=" + java.net.URLEncoder.encode("Xin chào", StandardCharsets.UTF_8),
                "Accept-Language", "vi-VN", "User-Agent", "PosterBrowser/1.0", "Cookie", "JSESSIONID=poster");
        assertThat(posted.statusCode()).isEqualTo(303);
        JsonNode item = pending().path("items").get(0);
        HttpResponse<String> approved = site.post("/_schoolguard/api/submissions/" + item.path("id").asLong() + "/approve",
                "application/json", "{}", "Authorization", MOD, "Cookie", "JSESSIONID=moderator-session",
                "Accept-Language", "en-US", "User-Agent", "ModeratorBrowser/2.0");
        assertThat(Json.MAPPER.readTree(approved.body()).path("status").asText()).as(approved.body()).isEqualTo("approved");
        assertThat(probes).hasSize(1);
        Map<String, Object> seen = probes.get(0);
        assertThat(seen.get("remoteAddr")).isEqualTo("127.0.0.1");
        assertThat(seen.get("remoteHost")).isEqualTo("127.0.0.1");
        assertThat(seen.get("remotePort")).isEqualTo(item.path("clientPort").asInt());
        assertThat(seen.get("locale")).isEqualTo("vi-VN");
        assertThat(seen.get("userAgent")).isEqualTo("PosterBrowser/1.0");
        assertThat(seen.get("cookie")).isEqualTo("null");
        assertThat(seen.get("authorization")).isEqualTo("null");
        assertThat(seen.get("session")).isEqualTo("null");
        assertThat(seen.get("token")).isEqualTo("null");
        assertThat((String) seen.get("headerNames")).doesNotContain("x-schoolguard-replay").doesNotContain("cookie");
        assertThat(seen.get("host")).isEqualTo("127.0.0.1:" + site.port());
        assertThat(seen.get("text")).isEqualTo("Xin chào");
        assertThat(seen.get("q")).isEqualTo("câu");
        assertThat(seen.get("dispatcher")).isEqualTo("REQUEST");
        // Held once, replayed without a second entry.
        JsonNode log = Json.MAPPER.readTree(site.get("/_schoolguard/api/iplog?submission=" + item.path("id").asLong(),
                "Authorization", TestSite.basic("inv", TestSite.PASSWORD)).body());
        assertThat(log.path("items")).hasSize(1);
    }

    @Test
    void sessionBoundChallengePassesOnReplayWithTheKeptSessionValues() throws Exception {
        start(Map.of());
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        browser.send(HttpRequest.newBuilder(URI.create(site.base() + "/quiz/form")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(URI.create(site.base() + "/quiz/answer"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("answer=7&text=Con+t%C3%B4i+h%E1%BB%8Fi")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(quizStored).isEmpty();
        long id = onlyPendingId();
        assertThat(approve(id).path("status").asText()).isEqualTo("approved");
        assertThat(quizStored).containsExactly("Con tôi hỏi");
    }

    @Test
    void sessionBoundChallengeWithoutTheSessionValuesIsRefusedByTheSiteAndStaysPending() throws Exception {
        start(Map.of());
        site.postForm("/quiz/answer", Map.of("answer", "7", "text", "Không có phiên"));
        JsonNode failed = approve(onlyPendingId());
        assertThat(failed.path("status").asText()).isEqualTo("pending");
        assertThat(failed.path("replayError").asText()).contains("403").contains("wrong answer");
        assertThat(quizStored).isEmpty();
    }

    @Test
    void forgedTokenIsRefusedWith403AndNothingIsStoredOrHeld() throws Exception {
        start(Map.of());
        HttpResponse<String> forged = site.post("/posts/1/comments", "application/x-www-form-urlencoded",
                "author=x&content=y", "X-SchoolGuard-Replay", "v1.1.AAAAAAAAAAAAAAAAAAAAAAAA.9999999999.c2lnbmF0dXJl");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("signature does not match");
        HttpResponse<String> malformed = site.post("/posts/1/comments", "application/x-www-form-urlencoded",
                "author=x&content=y", "X-SchoolGuard-Replay", "let me in");
        assertThat(malformed.statusCode()).isEqualTo(403);
        assertThat(site.stored).isEmpty();
        assertThat(pending().path("total").asInt()).isZero();
        assertThat(refusedEntries()).hasSize(2);
    }

    @Test
    void replayedTokenIsRefusedTheSecondTime() throws Exception {
        int port = freePort();
        start(Map.of("replay.base-url", "http://127.0.0.1:" + port + "/school"));
        try (RecordingProxy relay = new RecordingProxy(port, site.port())) {
            site.postForm("/posts/2/comments", Map.of("author", "An", "content", "Một lần"));
            assertThat(approve(onlyPendingId()).path("status").asText()).isEqualTo("approved");
            assertThat(site.stored).hasSize(1);
            byte[] captured = relay.requests.get(0);
            String text = new String(captured, StandardCharsets.ISO_8859_1);
            assertThat(text).contains("X-SchoolGuard-Replay: v1.").doesNotContain("Cookie").doesNotContain("Authorization");
            int split = text.indexOf("\r\n\r\n") + 4;
            String answer = site.raw(text.substring(0, split), java.util.Arrays.copyOfRange(captured, split, captured.length));
            assertThat(answer).startsWith("HTTP/1.1 403").contains("already used");
            assertThat(site.stored).hasSize(1);
            assertThat(refusedEntries()).hasSize(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket reserve = new ServerSocket(0)) {
            return reserve.getLocalPort();
        }
    }

    @Test
    void replayFromAPeerNotAcceptedIsRefusedAndTheItemStaysPending() throws Exception {
        start(Map.of("replay.accept-from", "10.9.9.9"));
        site.postForm("/posts/4/comments", Map.of("author", "An", "content", "Từ đâu?"));
        JsonNode failed = approve(onlyPendingId());
        assertThat(failed.path("status").asText()).isEqualTo("pending");
        assertThat(failed.path("replayStatus").asInt()).isEqualTo(403);
        assertThat(failed.path("replayError").asText()).contains("replay.accept-from");
        assertThat(site.stored).isEmpty();
        assertThat(refusedEntries()).hasSize(1);
    }

    @Test
    void bulkApprovalOfTwentyItemsReplaysEachOnceAndIsNotRateLimited() throws Exception {
        start(Map.of("ratelimit.per-ip", "21/1h", "ratelimit.per-network", "1000/1h"));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            assertThat(site.postForm("/posts/9/comments", Map.of("author", "Bạn " + i, "content", "Số " + i)).statusCode()).isEqualTo(303);
        }
        pending().path("items").forEach(n -> ids.add(n.path("id").asLong()));
        assertThat(ids).hasSize(20);
        HttpResponse<String> bulk = site.post("/_schoolguard/api/submissions/bulk", "application/json",
                Json.write(Map.of("action", "approve", "ids", ids)), "Authorization", MOD);
        assertThat(bulk.statusCode()).as(bulk.body()).isEqualTo(200);
        assertThat(site.stored).hasSize(20);
        assertThat(site.stored.stream().map(s -> s.parameters().get("content")[0]).distinct()).hasSize(20);
        // The replays did not count against the poster's limit: the 21st post of the hour is still accepted.
        assertThat(site.postForm("/posts/9/comments", Map.of("author", "Bạn", "content", "Thêm")).statusCode()).isEqualTo(303);
    }

    @Test
    void applicationDownFailsVisiblyStaysPendingAndCanBeApprovedAgain() throws Exception {
        int port = freePort();
        start(Map.of("replay.base-url", "http://127.0.0.1:" + port + "/school"));
        site.postForm("/posts/6/comments", Map.of("author", "An", "content", "Khi trang sập"));
        long id = onlyPendingId();
        assertThat(approveResponse(id).toString()).contains("could not be reached");
        JsonNode item = Json.MAPPER.readTree(site.get("/_schoolguard/api/submissions?status=pending", "Authorization", MOD).body())
                .path("items").get(0);
        assertThat(item.path("status").asText()).isEqualTo("pending");
        assertThat(item.path("replayError").asText()).contains("could not be reached").contains("connection refused")
                .contains("replay.base-url");
        assertThat(site.stored).isEmpty();
        try (RecordingProxy upAgain = new RecordingProxy(port, site.port())) {
            assertThat(approve(id).path("status").asText()).isEqualTo("approved");
        }
        assertThat(site.stored).hasSize(1);
    }

    private JsonNode approveResponse(long id) throws Exception {
        return Json.MAPPER.readTree(site.post("/_schoolguard/api/submissions/" + id + "/approve", "application/json", "{}",
                "Authorization", MOD).body());
    }

    private JsonNode approve(long id) throws Exception {
        approveResponse(id);
        return Json.MAPPER.readTree(site.get("/_schoolguard/api/submissions?status=" + statusOf(id), "Authorization", MOD).body())
                .path("items").findParents("id").stream().filter(n -> n.path("id").asLong() == id).findFirst().orElseThrow();
    }

    private String statusOf(long id) throws Exception {
        for (String status : List.of("approved", "pending")) {
            JsonNode items = Json.MAPPER.readTree(site.get("/_schoolguard/api/submissions?status=" + status, "Authorization", MOD).body());
            for (JsonNode n : items.path("items")) {
                if (n.path("id").asLong() == id) {
                    return status;
                }
            }
        }
        throw new AssertionError("submission " + id + " is neither approved nor pending");
    }

    private JsonNode pending() throws Exception {
        return Json.MAPPER.readTree(site.get("/_schoolguard/api/submissions?status=pending", "Authorization", MOD).body());
    }

    private long onlyPendingId() throws Exception {
        JsonNode list = pending();
        assertThat(list.path("total").asInt()).as(list.toString()).isEqualTo(1);
        return list.path("items").get(0).path("id").asLong();
    }

    private List<JsonNode> refusedEntries() throws Exception {
        JsonNode log = Json.MAPPER.readTree(site.get("/_schoolguard/api/iplog", "Authorization", TestSite.basic("inv", TestSite.PASSWORD)).body());
        List<JsonNode> refused = new ArrayList<>();
        log.path("items").forEach(n -> {
            if (n.toString().contains("replay refused")) {
                refused.add(n);
            }
        });
        return refused;
    }
}
