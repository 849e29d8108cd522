package vn.schoolguard.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vn.schoolguard.internal.db.StoreSettings;
import vn.schoolguard.testing.TestSite;

/**
 * Route discovery over real HTTP: forms the application takes at addresses no route guards are shown to admins
 * on "Unguarded forms", aliases of a guarded route first, with settings to paste; names only, never values; bounded;
 * kept across restarts; nothing the application reads is consumed.
 */
class UnguardedFormsTest {

    private static final String TEXT = "Cô giáo dạy rất hay, cảm ơn nhà trường";
    private static final Map<String, String> COMMENT = Map.of("author", "An", "email", "an@example.vn", "content", TEXT);

    @TempDir
    Path dataDir;

    /** What {@code /raw/*} read itself from the stream: the application must get every byte. */
    final List<String> rawBodies = new java.util.concurrent.CopyOnWriteArrayList<>();

    private TestSite site(Map<String, String> extra) throws Exception {
        Map<String, String> settings = new LinkedHashMap<>(Map.of("ratelimit.enabled", "false"));
        settings.putAll(extra);
        return new TestSite(dataDir, settings, this::application);
    }

    private void application(TestSite site, ServletContextHandler context) {
        context.addServlet(new ServletHolder(site.commentHandler()), "/internal/*");
        context.addServlet(new ServletHolder(site.commentHandler()), "*.jsp");
        context.addServlet(new ServletHolder(new RawServlet()), "/raw/*");
        context.addServlet(new ServletHolder(new IgnoringServlet()), "/ignore/*");
    }

    /** An application that reads its body as a stream (a JSON API, a hand-written parser). */
    final class RawServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            rawBodies.add(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            response.setStatus(201);
        }
    }

    /** An application that answers without reading anything. */
    static final class IgnoringServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) {
            response.setStatus(204);
        }
    }

    record Case(String expect, String target, String pattern) {
        @Override
        public String toString() {
            return expect + " " + target;
        }
    }

    static Stream<Case> aliases() throws IOException {
        try (InputStream in = UnguardedFormsTest.class.getResourceAsStream("/routes/alias-paths.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t"))
                    .map(p -> new Case(p[0], p[1], p[2])).toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("aliases")
    void regressionAnotherAddressOfTheGuardedHandlerIsShownAsALikelyAlias(Case c) throws Exception {
        try (TestSite site = site(Map.of())) {
            String body = "author=An&email=an%40example.vn&content=" + java.net.URLEncoder.encode(TEXT, StandardCharsets.UTF_8);
            String answer = site.raw("POST /school" + c.target() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                    + "\r\nConnection: close\r\n\r\n", body.getBytes(StandardCharsets.US_ASCII));
            String page = formsPage(site, c.expect().equals("alias") ? "POST " + c.pattern() : null);
            switch (c.expect()) {
                case "guarded" -> {
                    assertThat(site.stored).as(answer).isEmpty();
                    assertThat(page).contains("id=\"forms-empty\"");
                }
                case "ignored" -> assertThat(page).as(answer).contains("id=\"forms-empty\"");
                default -> {
                    assertThat(site.stored).as("the finding: the application published it at once").hasSize(1);
                    assertThat(page).contains("data-pattern=\"POST " + c.pattern() + "\"",
                            "Có lẽ là cùng biểu mẫu với tuyến \"comments\"",
                            "route.comments.match=POST /posts/*/comments, POST " + c.pattern());
                    assertThat(page).as("values are never kept").doesNotContain(TEXT, "an@example.vn");
                }
            }
        }
    }

    @Test
    void formsOutsideTheRoutesAreNotedByNameOnlyAndGuardingThemWithTheCopiedSettingsHoldsThem() throws Exception {
        String settings;
        try (TestSite site = site(Map.of())) {
            assertThat(site.postForm("/internal/comment", COMMENT).statusCode()).isEqualTo(302);
            assertThat(site.postForm("/internal/comment", COMMENT).statusCode()).isEqualTo(302);
            String json = "{\"ten\":\"An\",\"noiDung\":\"ngắn\",\"captcha\":\"xyz\"}";
            assertThat(site.post("/raw/hoi-dap/15", "application/json", json).statusCode()).isEqualTo(201);
            assertThat(rawBodies).as("the application read the whole body itself").containsExactly(json);
            assertThat(site.postForm("/ignore/5", Map.of("message", TEXT)).statusCode()).isEqualTo(204);
            assertThat(site.postForm("/internal/login", Map.of("username", "an", "password", "một mật khẩu rất dài và bí mật"))
                    .statusCode()).isEqualTo(302);
            ConsolePagesTest.Browser admin = ConsolePagesTest.Browser.signedIn(site, "boss");
            String page = unescape(admin.get("/forms").body());
            assertThat(page).contains("data-pattern=\"POST /internal/comment\"", "data-pattern=\"POST /raw/hoi-dap/*\"",
                    "captcha, noiDung, ten", "route.raw-hoi-dap.match=POST /raw/hoi-dap/*", "route.raw-hoi-dap.fields=noiDung:text, ten:author");
            assertThat(page).as("a body the application did not read is never read")
                    .doesNotContain("/ignore/", "/internal/login");
            assertThat(page.indexOf("/internal/comment")).as("aliases first").isLessThan(page.indexOf("/raw/hoi-dap"));
            assertThat(ConsolePagesTest.Browser.signedIn(site, "mod").get("/forms").statusCode()).isEqualTo(403);
            settings = page.replaceAll("(?s).*(route\\.comments\\.match=[^\n<]*).*", "$1");
        }
        assertThat(rows()).as("saved at shutdown, names only").hasSize(2).noneMatch(r -> r.contains("ngắn") || r.contains(TEXT));
        try (TestSite site = site(Map.of())) {
            String page = unescape(ConsolePagesTest.Browser.signedIn(site, "boss").get("/forms").body());
            assertThat(page).as("still there after a restart").contains("data-pattern=\"POST /internal/comment\"");
        }
        String match = settings.substring("route.comments.match=".length());
        try (TestSite site = site(Map.of("route.comments.match", match))) {
            HttpResponse<String> held = site.postForm("/internal/comment", COMMENT, "Accept", "application/json");
            assertThat(held.statusCode()).as(held.body()).isEqualTo(202);
            assertThat(site.stored).isEmpty();
            String page = unescape(ConsolePagesTest.Browser.signedIn(site, "boss").get("/forms").body());
            assertThat(page).as("guarded now").doesNotContain("data-pattern=\"POST /internal/comment\"")
                    .contains("/raw/hoi-dap/*");
        }
    }

    @Test
    void regressionAFloodOfDistinctAddressesKeepsOnlyTheNewestPatterns() throws Exception {
        try (TestSite site = site(Map.of("discovery.max-patterns", "10"))) {
            for (int i = 0; i < 300; i++) {
                String word = Integer.toString(i, 26).chars().mapToObj(ch -> String.valueOf((char) ('a' + Character.digit(ch, 26))))
                        .reduce("", String::concat);
                assertThat(site.postForm("/internal/spam-" + word, Map.of("content", TEXT)).statusCode()).isEqualTo(302);
            }
            ConsolePagesTest.Browser admin = ConsolePagesTest.Browser.signedIn(site, "boss");
            String page = admin.get("/forms").body();
            assertThat(page.split("class=\"form-finding").length - 1).isEqualTo(10);
            assertThat(page).contains("/internal/spam-lm\"").doesNotContain("/internal/spam-a\"");
            // Forgetting one drops it from the page and the database.
            HttpResponse<String> forgot = admin.post("/forms/forget", "_csrf", admin.csrf(), "method", "POST",
                    "pattern", "/internal/spam-lm");
            assertThat(forgot.statusCode()).isEqualTo(303);
            assertThat(admin.get("/forms").body()).doesNotContain("/internal/spam-lm\"");
        }
        assertThat(rows()).hasSize(9);
    }

    @Test
    void theCommandLineListsTheSavedFormsWithTheSiteRoutesFromItsSettingsFile() throws Exception {
        try (TestSite site = site(Map.of())) {
            assertThat(site.postForm("/internal/comment", COMMENT).statusCode()).isEqualTo(302);
            assertThat(formsPage(site, "/internal/comment")).contains("/internal/comment");
        }
        Path config = dataDir.resolve("site.properties");
        java.nio.file.Files.writeString(config, "route.comments.match=POST /posts/*/comments\n"
                + "route.comments.fields=author:author, email:email, content:html\n");
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = vn.schoolguard.internal.cli.SchoolGuardCli.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true),
                "routes", "discover", "--data-dir", dataDir.toString(), "--config", config.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("POST /internal/comment\t1 seen", "fields: author, content, email",
                "likely alias of route comments", "  route.comments.match=POST /posts/*/comments, POST /internal/comment")
                .doesNotContain(TEXT);
    }

    /**
     * The admin's "Unguarded forms" page, once it shows {@code expected}: the application's answer can reach the
     * client a moment before the filter has noted the request.
     */
    private static String formsPage(TestSite site, String expected) throws Exception {
        ConsolePagesTest.Browser admin = ConsolePagesTest.Browser.signedIn(site, "boss");
        String page = unescape(admin.get("/forms").body());
        for (int i = 0; expected != null && !page.contains(expected) && i < 100; i++) {
            Thread.onSpinWait();
            page = unescape(admin.get("/forms").body());
        }
        return page;
    }

    private List<String> rows() throws Exception {
        try (Connection c = DriverManager.getConnection(StoreSettings.h2Url(dataDir), "sa", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT method, pattern, fields_json, text_json FROM sg_discovered_forms")) {
            List<String> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
            }
            return rows;
        }
    }

    private static String unescape(String html) {
        return html.replace("&#x2F;", "/").replace("&#47;", "/").replace("&#x3D;", "=").replace("&#61;", "=")
                .replace("&quot;", "\"").replace("&#34;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
