package vn.schoolguard.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.schoolguard.testing.TestSite;
import vn.schoolguard.internal.web.ConsolePagesTest.Browser;

/**
 * Regression: a stored script on the public site read a console CSRF token on the same origin and created
 * an admin account. The console now sends an enforced policy, compares whole origins, can live on its own
 * host name and can insist on HTTPS.
 */
class ConsoleHardeningTest {

    @TempDir
    Path dataDir;

    TestSite site;

    @BeforeEach
    void start() throws Exception {
        site = new TestSite(dataDir, Map.of());
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    private int port() {
        return URI.create(site.base()).getPort();
    }

    // ---- 2a: headers ---------------------------------------------------------------------------------

    @Test
    void regressionEveryConsolePageCarriesTheEnforcedPolicyAndNoInlineScriptOrStyle() throws Exception {
        Browser admin = Browser.signedIn(site, "boss");
        for (String path : List.of("/queue", "/history", "/accounts", "/iplog", "/blocks", "/rules", "/no-such-page")) {
            HttpResponse<String> page = admin.get(path);
            assertPageHeaders(page, path);
            assertThat(page.body()).as(path).doesNotContainPattern("<script(?![^>]*\\ssrc=)")
                    .doesNotContainPattern("\\sstyle=").doesNotContainPattern("\\son[a-z]+=").doesNotContain("<style");
        }
        HttpResponse<String> login = new Browser(site).get("/login");
        assertPageHeaders(login, "/login");
        assertPageHeaders(new Browser(site).get("/queue"), "/queue signed out");
    }

    private static void assertPageHeaders(HttpResponse<String> page, String what) {
        assertThat(page.headers().allValues("Content-Security-Policy")).as(what).containsExactly(
                "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self';"
                        + " frame-ancestors 'none'; base-uri 'none'");
        assertThat(page.headers().firstValue("Content-Security-Policy-Report-Only")).as(what).isEmpty();
        assertThat(page.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).as(what).hasValue("same-origin");
        assertThat(page.headers().firstValue("Cache-Control")).as(what).hasValue("no-store");
        assertThat(page.headers().firstValue("X-Frame-Options")).as(what).hasValue("DENY");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).as(what + ": plain HTTP").isEmpty();
    }

    @Test
    void apiAnswersCarryTheLockedDownPolicyWhetherAllowedOrRefused() throws Exception {
        for (HttpResponse<String> answer : List.of(
                site.get("/_schoolguard/api/submissions", "Authorization", TestSite.basic("mod", TestSite.PASSWORD)),
                site.get("/_schoolguard/api/submissions"),
                site.get("/_schoolguard/api/nothing-here", "Authorization", TestSite.basic("mod", TestSite.PASSWORD)))) {
            assertThat(answer.headers().firstValue("Content-Security-Policy"))
                    .hasValue("default-src 'none'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'");
            assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
        }
    }

    @Test
    void consoleScriptAndStyleSheetComeFromTheConsoleItselfAsThePolicyAllows() throws Exception {
        String page = new Browser(site).get("/login").body();
        assertThat(page).containsPattern("<script src=\"/school/_schoolguard/assets/console\\.js\\?v(=|&#x3D;)[0-9a-f]+\" defer>")
                .containsPattern("<link rel=\"stylesheet\" href=\"/school/_schoolguard/assets/console\\.css\\?v(=|&#x3D;)[0-9a-f]+\">");
    }

    // ---- 2e: origin ----------------------------------------------------------------------------------

    private static Stream<String[]> cases(String resource) {
        try (InputStream in = ConsoleHardeningTest.class.getResourceAsStream("/console/" + resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split("\t", 2)).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String fill(String value) {
        return value.replace("{port}", String.valueOf(port())).replace("{other}", String.valueOf(port() + 1));
    }

    @Test
    void regressionOriginMustBeExactlyTheConsolesOwnOrigin() throws Exception {
        List<String[]> cases = cases("origin-cases.txt").toList();
        assertThat(cases).hasSizeGreaterThan(20);
        for (String[] c : cases) {
            String origin = fill(c[1]);
            HttpResponse<String> answer = site.post("/_schoolguard/api/submissions/999999/reject", "application/json", "{}",
                    "Authorization", TestSite.basic("mod", TestSite.PASSWORD), "Origin", origin);
            assertThat(answer.statusCode()).as("Origin: %s", origin).isEqualTo(c[0].equals("allow") ? 404 : 403);
        }
    }

    @Test
    void withoutOriginTheRefererMustBeSameOrigin() throws Exception {
        for (String[] c : cases("referer-cases.txt").toList()) {
            String referer = fill(c[1]);
            HttpResponse<String> answer = site.post("/_schoolguard/api/submissions/999999/reject", "application/json", "{}",
                    "Authorization", TestSite.basic("mod", TestSite.PASSWORD), "Referer", referer);
            assertThat(answer.statusCode()).as("Referer: %s", referer).isEqualTo(c[0].equals("allow") ? 404 : 403);
        }
    }

    @Test
    void twoOriginHeadersOrANonSameOriginFetchSiteAreRefused() throws Exception {
        String own = "http://127.0.0.1:" + port();
        String auth = TestSite.basic("mod", TestSite.PASSWORD);
        assertThat(site.post("/_schoolguard/api/submissions/999999/reject", "application/json", "{}", "Authorization", auth,
                "Origin", own, "Origin", "http://evil.test").statusCode()).isEqualTo(403);
        for (String fetchSite : List.of("same-site", "cross-site", "SAME-ORIGIN")) {
            assertThat(site.post("/_schoolguard/api/submissions/999999/reject", "application/json", "{}", "Authorization", auth,
                    "Origin", own, "Sec-Fetch-Site", fetchSite).statusCode()).as(fetchSite).isEqualTo(403);
        }
        assertThat(site.post("/_schoolguard/api/submissions/999999/reject", "application/json", "{}", "Authorization", auth,
                "Origin", own, "Sec-Fetch-Site", "same-origin").statusCode()).isEqualTo(404);
    }

    @Test
    void sessionFormsNeedTheRightOriginAndTheCsrfToken() throws Exception {
        Browser admin = Browser.signedIn(site, "boss");
        admin.get("/accounts");
        String own = "http://127.0.0.1:" + port();
        HttpResponse<String> otherPort = admin.post("/accounts/inv/disable", "_csrf", admin.csrf(),
                "!Origin", "http://127.0.0.1:" + (port() + 1));
        assertThat(otherPort.statusCode()).isEqualTo(403);
        assertThat(admin.post("/accounts/inv/disable", "!Origin", own).statusCode()).as("no token").isEqualTo(403);
        assertThat(admin.post("/accounts/inv/disable", "_csrf", admin.csrf(), "!Origin", own).statusCode()).isEqualTo(303);
        assertThat(new Browser(site).post("/login", "username", "mod", "password", TestSite.PASSWORD, "!Origin", "null")
                .statusCode()).as("sign-in from an opaque origin").isEqualTo(403);
    }

    // ---- 2c: console.host ----------------------------------------------------------------------------

    @Test
    void regressionConsoleAnswersOnlyOnItsOwnHostWhileReceiptsStayOnThePublicSite() throws Exception {
        try (TestSite separate = new TestSite(dataDir.resolve("host"), Map.of("console.host", "quantri.truong.test"))) {
            int port = URI.create(separate.base()).getPort();
            for (String[] c : cases("host-cases.txt").toList()) {
                String host = c[1].replace("{port}", String.valueOf(port));
                Raw answer = raw(port, "GET /school/_schoolguard/login HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
                assertThat(answer.status()).as("Host: %s", host).isEqualTo(Integer.parseInt(c[0]));
                if (answer.status() == 404) {
                    assertThat(answer.body()).as("Host: %s", host).isEqualTo("not found");
                }
            }
            Raw api = raw(port, "GET /school/_schoolguard/api/submissions HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nAuthorization: " + TestSite.basic("mod", TestSite.PASSWORD) + "\r\nConnection: close\r\n\r\n");
            assertThat(api.status()).isEqualTo(404);
            Raw receipt = raw(port, "GET /school/_schoolguard/receipt/ABCD-EFGH HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nConnection: close\r\n\r\n");
            assertThat(receipt.status()).isEqualTo(404);
            assertThat(receipt.body()).as("the receipt page itself, not the console's refusal").contains("<h1>");
        }
    }

    @Test
    void consoleHostSettingIsValidated() {
        for (String bad : List.of("https://quantri.truong.test", "quantri.truong.test/", "quantri.truong.test.",
                "quantri..truong.test", "quantri.truong.test:0", "quantri.truong.test:70000", "*.truong.test", "a b")) {
            assertThat(ConsoleHost.parse(bad)).as(bad).isEmpty();
        }
        assertThat(ConsoleHost.parse("QuanTri.Truong.Test:8443")).hasValue(new ConsoleHost("quantri.truong.test", 8443));
        assertThat(ConsoleHost.parse("[2001:db8::1]")).hasValue(new ConsoleHost("[2001:db8::1]", -1));
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() ->
                vn.schoolguard.SchoolGuardConfig.builder().defaultDataDir(dataDir)
                        .set("console.host", "https://quantri.truong.test/").build());
        assertThat(failure).hasMessageContaining("console.host").hasMessageContaining("https://quantri.truong.test/")
                .hasMessageContaining("no scheme, path or trailing dot");
    }

    // ---- 2d: console.require-https -------------------------------------------------------------------

    @Test
    void regressionRequireHttpsRedirectsOrRefusesPlainRequestsAndIgnoresAClientsOwnForwardedProto() throws Exception {
        try (TestSite strict = new TestSite(dataDir.resolve("https"), Map.of("console.require-https", "true"))) {
            HttpResponse<String> page = strict.get("/_schoolguard/login", "X-Forwarded-Proto", "https");
            assertThat(page.statusCode()).as("untrusted peer's X-Forwarded-Proto is ignored").isEqualTo(301);
            assertThat(page.headers().firstValue("Location")).hasValue("https://127.0.0.1/school/_schoolguard/login");
            assertThat(strict.get("/_schoolguard/queue?status=pending").headers().firstValue("Location"))
                    .hasValue("https://127.0.0.1/school/_schoolguard/queue?status=pending");
            HttpResponse<String> post = strict.postForm("/_schoolguard/login", Map.of("username", "mod", "password", TestSite.PASSWORD),
                    "X-Forwarded-Proto", "https");
            assertThat(post.statusCode()).isEqualTo(403);
            assertThat(post.body()).contains("console.require-https");
            assertThat(post.headers().allValues("Set-Cookie")).isEmpty();
            assertThat(strict.get("/_schoolguard/api/submissions", "Authorization", TestSite.basic("mod", TestSite.PASSWORD))
                    .statusCode()).isEqualTo(301);
        }
    }

    @Test
    void requireHttpsBelievesATrustedProxyAndThenSendsSecureCookiesAndHsts() throws Exception {
        try (TestSite proxied = new TestSite(dataDir.resolve("proxied"), Map.of("console.require-https", "true",
                "proxies.trusted", "127.0.0.1/32"))) {
            int port = URI.create(proxied.base()).getPort();
            for (String proto : List.of("http", "https, http", "", "HTTPS-ish")) {
                assertThat(proxied.get("/_schoolguard/login", "X-Forwarded-Proto", proto).statusCode()).as(proto).isEqualTo(301);
            }
            HttpResponse<String> page = proxied.get("/_schoolguard/login", "X-Forwarded-Proto", "https");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
            HttpResponse<String> viaForwarded = proxied.get("/_schoolguard/login", "Forwarded", "for=203.0.113.5;proto=https");
            assertThat(viaForwarded.statusCode()).isEqualTo(200);

            HttpResponse<String> signIn = proxied.postForm("/_schoolguard/login", Map.of("username", "mod", "password", TestSite.PASSWORD),
                    "X-Forwarded-Proto", "https", "Origin", "https://127.0.0.1:" + port);
            assertThat(signIn.statusCode()).isEqualTo(303);
            assertThat(signIn.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
                    assertThat(cookie).startsWith("SG_SESSION=").contains("; Secure", "; HttpOnly", "; SameSite=Strict"));
            assertThat(signIn.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
            HttpResponse<String> plainOrigin = proxied.postForm("/_schoolguard/login", Map.of("username", "mod", "password", TestSite.PASSWORD),
                    "X-Forwarded-Proto", "https", "Origin", "http://127.0.0.1:" + port);
            assertThat(plainOrigin.statusCode()).as("the http:// origin is another origin").isEqualTo(403);
        }
    }

    // ---- raw HTTP for Host header variants (the JDK client will not send a chosen Host) -------------

    private record Raw(int status, String body) {
    }

    private static Raw raw(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            int split = answer.indexOf("\r\n\r\n");
            return new Raw(status, split < 0 ? "" : answer.substring(split + 4));
        }
    }
}
