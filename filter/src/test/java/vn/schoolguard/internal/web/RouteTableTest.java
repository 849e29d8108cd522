package vn.schoolguard.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vn.schoolguard.internal.account.ConsoleUser;
import vn.schoolguard.testing.TestSite;
import vn.schoolguard.internal.web.WebRoute.Guard;
import vn.schoolguard.internal.web.WebRoute.Surface;
import vn.schoolguard.internal.web.WebRoute.Who;

/**
 * Walks the console's route table and proves, over a real site and HTTP client, that every route answers
 * 401 (the API) or the sign-in page (the console) without login, 403 for a caller without its role, 405 with
 * {@code Allow} for a method it does not take, and that every state-changing route is guarded and refuses
 * cross-site requests and requests without the session's CSRF token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteTableTest {

    /** The seeded accounts and their roles (TestSite's {@code accounts.seed}). */
    private static final Map<String, Set<String>> USERS = Map.of("mod", Set.of("moderator"),
            "inv", Set.of("investigator"), "boss", Set.of("admin"), "dept", Set.of("department"));
    private static final RouteTable TABLE = ConsoleRoutes.table(null, null, false, (ctx, path) -> { });

    @TempDir
    static Path dataDir;

    TestSite site;
    final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final Map<String, ConsolePagesTest.Browser> browsers = new java.util.HashMap<>();

    @BeforeAll
    void start() throws Exception {
        site = new TestSite(dataDir, Map.of());
        site.postForm("/posts/1/comments", Map.of("author", "Minh", "content", "Bài viết hay"));
    }

    @AfterAll
    void stop() throws Exception {
        site.close();
    }

    static Stream<WebRoute> routes() {
        return TABLE.routes().stream();
    }

    static Stream<WebRoute> signedInRoutes() {
        return routes().filter(r -> r.who.signIn());
    }

    static Stream<WebRoute> changingRoutes() {
        return routes().filter(WebRoute::stateChanging);
    }

    @Test
    void everyRouteNamesWhoMayCallItAndOnlyTheSignInPagesAssetsAndReceiptsArePublic() {
        assertThat(TABLE.routes()).allSatisfy(r -> assertThat(r.who).isNotNull());
        assertThat(routes().filter(r -> !r.who.signIn()).map(r -> String.join("|", r.methods) + " " + r.pattern.pattern()))
                .containsExactlyInAnyOrder("GET|HEAD /receipt.*", "GET /assets/(.+)", "GET /lang", "GET /login", "POST /login");
        assertThat(routes().filter(r -> r.surface == Surface.API)).allSatisfy(r -> assertThat(r.who.roles()).isNotEmpty());
    }

    @Test
    void everyStateChangingRouteNeedsTheSameOriginGuardAndARoleOrIsTheSignInForm() {
        assertThat(changingRoutes()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.guard).as(r.toString()).isIn(Guard.SAME_ORIGIN, Guard.REAUTH);
            if (!r.pattern.pattern().equals("/login")) {
                assertThat(r.who.signIn()).as(r.toString()).isTrue();
            }
            if (!r.pattern.pattern().equals("/logout") && !r.pattern.pattern().equals("/login")) {
                assertThat(r.who.roles()).as(r.toString()).isNotEmpty();
            }
        });
    }

    @Test
    void aRouteCannotBeDeclaredWithoutAGuardForChangesNorRolesForNothing() {
        assertThatThrownBy(() -> RouteTable.builder().page("POST", "/x", Who.anyOf("admin"), Guard.NONE, (c, p) -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RouteTable.builder().api("DELETE", "/api/x", Who.anyOf("admin"), Guard.NONE, (c, p) -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RouteTable.builder().page("GET", "/x", null, Guard.NONE, (c, p) -> { }))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Who.anyOf()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RouteTable.builder().reauthPage("POST", "/x", Who.anyOf("admin"), null, (c, p) -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signedInRoutes")
    void withoutSignInTheApiAnswers401AndTheConsoleSendsToTheSignInPage(WebRoute route) throws Exception {
        HttpResponse<String> response = send(route.methods.get(0), example(route), Optional.empty(), Map.of());
        if (route.surface == Surface.API) {
            assertThat(response.statusCode()).as(route.toString()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        } else {
            assertThat(response.statusCode()).as(route.toString()).isEqualTo(303);
            assertThat(response.headers().firstValue("Location")).hasValue("/school/_schoolguard/login");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signedInRoutes")
    void aCallerWithoutTheRouteRoleGets403AndNothingChanges(WebRoute route) throws Exception {
        List<String> outsiders = USERS.entrySet().stream().filter(u -> !route.who.admits(caller(u.getKey(), u.getValue())))
                .map(Map.Entry::getKey).sorted().toList();
        // Routes every staff role may use have no outsider among the accounts; the table test above covers them.
        for (String user : outsiders) {
            HttpResponse<String> response = asUser(route, route.methods.get(0), user, true);
            assertThat(response.statusCode()).as(route + " as " + user).isEqualTo(403);
            if (route.surface == Surface.API) {
                assertThat(response.body()).contains("this needs the role " + String.join(" or ", route.who.roles()));
            }
        }
        assertThat(site.stored).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void aMethodTheRouteDoesNotTakeGets405WithTheMethodsItDoesTake(WebRoute route) throws Exception {
        String path = example(route);
        Set<String> allow = new LinkedHashSet<>();
        TABLE.routes().stream().filter(r -> r.pattern.matcher(route.pattern.matcher(path).matches() ? path : "").matches())
                .forEach(r -> allow.addAll(r.methods));
        for (String method : List.of("PUT", "PATCH")) {
            HttpResponse<String> response = route.who.signIn() ? asUser(route, method, "boss", true)
                    : send(method, path, Optional.empty(), Map.of());
            assertThat(response.statusCode()).as(method + " " + route).isEqualTo(405);
            assertThat(response.headers().firstValue("Allow")).as(route.toString()).hasValue(String.join(", ", allow));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changingRoutes")
    void aStateChangingRouteRefusesCrossSiteRequestsAndMissingCsrfTokens(WebRoute route) throws Exception {
        String method = route.methods.get(0);
        String path = example(route);
        Map<String, String> evil = Map.of("Origin", "https://evil.example", "Sec-Fetch-Site", "cross-site");
        if (!route.who.signIn()) {
            assertThat(send(method, path, Optional.empty(), evil).statusCode()).as(route.toString()).isEqualTo(403);
        } else if (route.surface == Surface.API) {
            assertThat(send(method, path, Optional.of(TestSite.basic("boss", TestSite.PASSWORD)), evil).statusCode())
                    .as(route.toString()).isEqualTo(403);
        } else {
            assertThat(asUser(route, method, "boss", false).statusCode()).as(route + " without token").isEqualTo(403);
            ConsolePagesTest.Browser boss = browser("boss");
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(boss.url(path)))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "https://evil.example")
                    .method(method, HttpRequest.BodyPublishers.ofString("_csrf=" + boss.csrf()));
            assertThat(boss.client.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .as(route + " cross-site with token").isEqualTo(403);
        }
        assertThat(site.stored).isEmpty();
    }

    static Stream<String[]> unreadBodies() throws Exception {
        return java.nio.file.Files.readAllLines(Path.of(RouteTableTest.class.getResource("/web/refusals/body-unread.tsv").toURI()))
                .stream().filter(line -> !line.isBlank() && !line.startsWith("#")).map(line -> line.split("\t"));
    }

    /**
     * A refusal is complete before the body arrives (the answer never reads it): without {@code Connection: close} the
     * late body would sit on a connection the client reuses, and its next request would get no answer.
     */
    @ParameterizedTest(name = "{5}")
    @MethodSource("unreadBodies")
    void regressionARefusalAnsweredBeforeItsBodyArrivesClosesTheConnection(String method, String path, String user,
            String header, String status, String what) throws Exception {
        String body = "_csrf=x&a=b";
        StringBuilder head = new StringBuilder(method + " /school/_schoolguard" + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                .append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\n");
        if (!user.equals("-")) {
            head.append("Authorization: ").append(TestSite.basic(user, TestSite.PASSWORD)).append("\r\n");
        }
        if (!header.equals("-")) {
            head.append(header).append("\r\n");
        }
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", site.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String answer = headersOf(socket.getInputStream());
            assertThat(answer).as(what).startsWith("HTTP/1.1 " + status + " ");
            assertThat(answer.toLowerCase(java.util.Locale.ROOT)).as(what).contains("\r\nconnection: close\r\n");
        }
        assertThat(site.stored).isEmpty();
    }

    private static String headersOf(java.io.InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    /** A request to the route as a signed-in user: Basic for the API, a session (with its CSRF token or not) for pages. */
    private HttpResponse<String> asUser(WebRoute route, String method, String user, boolean withToken) throws Exception {
        String path = example(route);
        if (route.surface == Surface.API) {
            return send(method, path, Optional.of(TestSite.basic(user, TestSite.PASSWORD)), Map.of());
        }
        ConsolePagesTest.Browser browser = browser(user);
        String body = withToken ? "_csrf=" + browser.csrf() : "";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(browser.url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        return browser.client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private ConsolePagesTest.Browser browser(String user) throws Exception {
        ConsolePagesTest.Browser browser = browsers.get(user);
        if (browser == null) {
            browser = ConsolePagesTest.Browser.signedIn(site, user);
            browsers.put(user, browser);
        }
        return browser;
    }

    private HttpResponse<String> send(String method, String path, Optional<String> authorization, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(site.base() + "/_schoolguard" + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        authorization.ifPresent(a -> request.header("Authorization", a));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static ConsoleAccess.Caller caller(String name, Set<String> roles) {
        return new ConsoleAccess.Caller(new ConsoleUser(name, roles, false), Optional.empty(), true);
    }

    /** A concrete path the route's pattern matches: a submission, an account, the first action of a choice. */
    static String example(WebRoute route) {
        String path = route.pattern.pattern()
                .replace("([0-9]{1,18})", "1")
                .replace("([a-z0-9._-]{2,64})", "inv")
                .replace("(.+)", "console.css")
                .replace("([^/]+)", "2026-11.csv")
                .replace("/receipt.*", "/receipt")
                .replace("/?", "/");
        path = path.replaceAll("\\(([a-z]+)(\\|[a-z]+)*\\)", "$1");
        List<String> left = new ArrayList<>(List.of("(", "[", "*", "?", "|"));
        for (String meta : left) {
            assertThat(path).as("example of " + route).doesNotContain(meta);
        }
        assertThat(route.pattern.matcher(path).matches()).as(path + " matches " + route).isTrue();
        return path;
    }
}
