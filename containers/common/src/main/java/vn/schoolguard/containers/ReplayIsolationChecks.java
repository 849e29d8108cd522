package vn.schoolguard.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Regression: a post approved in the browser console is replayed by a forward from inside the moderator's request;
 * the site's probe route stores everything it can see, and none of it may be the moderator's (session cookie,
 * CSRF token and form field, name, Accept-Language, approval URL, container attributes). The same holds for the
 * default loopback replay, which reaches the site as a fresh request of its own.
 */
public final class ReplayIsolationChecks {

    /** How the site under test replays approved posts ({@code replay.mode}). */
    public enum Mode {
        LOOPBACK,
        FORWARD
    }

    /** Container attributes that only carry the dispatch itself (Tomcat sets them on the outermost request). */
    static final Set<String> CONTAINER_DISPATCH_ATTRIBUTES = Set.of("org.apache.catalina.core.DISPATCHER_TYPE",
            "org.apache.catalina.core.DISPATCHER_REQUEST_PATH", "org.apache.catalina.ASYNC_SUPPORTED");

    /** What SchoolGuard marks on every request it passes on, and a container's own limits on a fresh request. */
    static final List<String> LOOPBACK_ATTRIBUTES = List.of("vn.schoolguard.SchoolGuardFilter.FILTERED",
            "vn.schoolguard.internal.inject.PageDecorator.response", "org.eclipse.jetty.server.Request.");

    private final String base;
    private final String api;
    private final Mode mode;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final HttpClient poster = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param base the site's address including its context path
     * @param api  the Servlet API's root package on this container: {@code jakarta} or {@code javax}
     */
    public ReplayIsolationChecks(String base, String api) {
        this(base, api, Mode.LOOPBACK);
    }

    /** @param mode the site's {@code replay.mode} */
    public ReplayIsolationChecks(String base, String api, Mode mode) {
        this.base = base;
        this.api = api;
        this.mode = mode;
    }

    /** Posts to the probe, approves it as a signed-in moderator and checks what the site saw. */
    public void replayShowsNothingOfTheModerator() throws Exception {
        String note = "Câu hỏi của phụ huynh " + System.nanoTime();
        HttpResponse<String> posted = poster.send(HttpRequest.newBuilder(URI.create(base + "/probe/echo?lop=10A1&ky=2"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Accept-Language", "vi-VN,vi;q=0.9,en;q=0.5")
                .POST(HttpRequest.BodyPublishers.ofString("note=" + enc(note))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as("the probe post is held").isEqualTo(303);

        HttpResponse<String> login = browserPost("/_schoolguard/login",
                "username=" + enc(DropInSite.MODERATOR) + "&password=" + enc(DropInSite.PASSWORD));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(303);
        String queue = browserGet("/_schoolguard/queue").body();
        String csrf = find(queue, "name=\"_csrf\" value=\"([^\"]+)\"", "CSRF token on the queue page");
        String id = find(queue, "/items/([0-9]+)/approve", "an approve button on the queue page");
        HttpResponse<String> approved = browserPost("/_schoolguard/items/" + id + "/approve?moderatorQuery="
                + enc(DropInSite.MODERATOR), "_csrf=" + enc(csrf) + "&moderatorField=" + enc(DropInSite.MODERATOR));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(303);

        String dump = poster.send(HttpRequest.newBuilder(URI.create(base + "/probe/dump")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        assertThat(dump).as("the replay reached the probe").contains("param note=" + note);
        String forward = api + ".servlet.forward.";
        if (mode == Mode.FORWARD) {
            forwardIdentity(dump, forward);
        } else {
            loopbackIdentity(dump, forward);
        }
        assertThat(dump).as("the poster's languages").contains("locale=vi-VN\n", "locales=vi-VN\nlocales=vi\nlocales=en\n");

        assertThat(dump).as("session cookie value").doesNotContain(sessionCookie());
        assertThat(dump).as("CSRF token").doesNotContain(csrf);
        assertThat(dump).as("console form field").doesNotContain("_csrf").doesNotContain("moderatorField");
        assertThat(dump).as("moderator's name").doesNotContain(DropInSite.MODERATOR);
        assertThat(dump).as("moderator's language").doesNotContainIgnoringCase("fr-CA").doesNotContainIgnoringCase("fr_CA")
                .doesNotContain("locale=fr").doesNotContain("locales=fr");
        assertThat(dump).as("approval URL").doesNotContain("/approve").doesNotContain("_schoolguard");
        assertThat(dump).as("session cookie name").doesNotContain("SG_SESSION");
        assertThat(dump).contains("remoteUser=null", "principal=null", "role moderator=false", "session=null")
                .doesNotContain("cookie SG_").doesNotContain("header cookie");
        List<String> attributes = Arrays.stream(dump.split("\n")).filter(l -> l.startsWith("attr "))
                .map(l -> l.substring(5, l.indexOf('='))).collect(Collectors.toList());
        assertThat(attributes).as("attributes the site sees, in\n" + dump).allMatch(a -> (mode == Mode.FORWARD && a.startsWith(forward))
                || a.equals("vn.schoolguard.replay.submission") || CONTAINER_DISPATCH_ATTRIBUTES.contains(a)
                || (mode == Mode.LOOPBACK && LOOPBACK_ATTRIBUTES.stream().anyMatch(a::startsWith)), "allowed");
        assertThat(dump).doesNotContain("attr org.apache.catalina.core.DISPATCHER_REQUEST_PATH=/_");
        if (mode == Mode.FORWARD) {
            assertThat(dump).doesNotContain("attr org.eclipse.jetty");
        }
    }

    /** A forward keeps the poster's request in the forward attributes and shows the replay's own identity. */
    private void forwardIdentity(String dump, String forward) {
        assertThat(dump).as("forward attributes describe the poster's request").contains(
                forward + "request_uri=" + URI.create(base).getPath() + "/probe/echo",
                forward + "servlet_path=/probe", forward + "path_info=/echo", forward + "query_string=lop=10A1&ky=2",
                forward + "mapping=/probe/*|echo|PATH|probe", "param lop=10A1", "servletPath=/probe", "pathInfo=/echo");
        assertThat(dump).as("the replay's own identity, not the moderator's connection")
                .contains("requestId=replay-", "dispatcher=FORWARD", "parts=refused ServletException",
                        "trailers={}", "requestedSession=null cookie=false url=false")
                .containsPattern(api.equals("javax") ? "connection=(absent|null)" : "connection=replay\n");
    }

    /** A loopback replay is a fresh request to the poster's path: no forward, no token, no session. */
    private void loopbackIdentity(String dump, String forward) {
        assertThat(dump).as("a fresh request to the poster's path").contains("dispatcher=REQUEST",
                "uri=" + URI.create(base).getPath() + "/probe/echo\n", "query=lop=10A1&ky=2\n", "param lop=10A1",
                "servletPath=/probe\n", "pathInfo=/echo\n", "mapping=/probe/*|echo|PATH|probe",
                "requestedSession=null cookie=false url=false");
        assertThat(dump).as("no forward attributes and no replay token").doesNotContain(forward)
                .doesNotContainIgnoringCase("x-schoolguard-replay");
    }

    private String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SG_SESSION"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    private HttpResponse<String> browserGet(String path) throws Exception {
        return browser.send(moderator(path).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> browserPost(String path, String form) throws Exception {
        return browser.send(moderator(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder moderator(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "fr-CA,fr;q=0.9");
    }

    private static String find(String page, String regex, String what) {
        Matcher m = Pattern.compile(regex).matcher(page);
        assertThat(m.find()).as(what + " in\n" + page).isTrue();
        return m.group(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
