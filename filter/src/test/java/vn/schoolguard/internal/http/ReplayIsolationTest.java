package vn.schoolguard.internal.http;

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
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.schoolguard.testing.TestSite;

/**
 * Regression: on replay by forward from inside the moderator's request, the container's request attributes
 * (the moderator's session cookie, the parsed console form with its {@code _csrf} field) and the moderator's
 * Accept-Language reached the application. A probe route dumps everything the application can see; the same
 * holds for the default loopback replay, a fresh request of its own.
 */
class ReplayIsolationTest {

    static final String MODERATOR = "kiemduyet-thu-huong";
    static final Set<String> FORWARD_ATTRIBUTES = Set.of("jakarta.servlet.forward.request_uri",
            "jakarta.servlet.forward.context_path", "jakarta.servlet.forward.servlet_path",
            "jakarta.servlet.forward.path_info", "jakarta.servlet.forward.query_string", "jakarta.servlet.forward.mapping");

    /** What SchoolGuard's own filter marks on every request it passes on, and the container's own form limits. */
    static final Predicate<String> LOOPBACK_ATTRIBUTES = a -> a.equals("vn.schoolguard.SchoolGuardFilter.FILTERED")
            || a.equals("vn.schoolguard.internal.inject.PageDecorator.response") || a.startsWith("org.eclipse.jetty.server.Request.");

    @TempDir
    Path dataDir;

    TestSite site;

    private void start(String mode) throws Exception {
        site = new TestSite(dataDir, Map.of("route.probe.match", "POST /probe/*", "route.probe.fields", "note:text",
                "accounts.seed", MODERATOR + ":moderator", "replay.mode", mode));
    }

    @AfterEach
    void stop() throws Exception {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void regressionReplayShowsTheApplicationNothingOfTheModeratorsRequest() throws Exception {
        start("forward");
        String note = "Câu hỏi của phụ huynh " + System.nanoTime();
        HttpResponse<String> posted = site.post("/probe/echo?lop=10A1&ky=2", "application/x-www-form-urlencoded; charset=UTF-8",
                "note=" + enc(note), "Accept-Language", "vi-VN,vi;q=0.9,en;q=0.5");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);

        Moderator moderator = Moderator.signIn(site.base(), MODERATOR, TestSite.PASSWORD);
        long id = moderator.pendingId();
        HttpResponse<String> approved = moderator.approve(id);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(303);
        assertThat(site.probes).as("the probe route got the replay").hasSize(1);
        String dump = site.probes.get(0);

        assertThat(dump).contains("param note=" + note, "param lop=10A1", "method=POST", "dispatcher=FORWARD", "remote=127.0.0.1:");
        assertThat(dump).contains("jakarta.servlet.forward.request_uri=/school/probe/echo",
                "jakarta.servlet.forward.context_path=/school", "jakarta.servlet.forward.servlet_path=/probe",
                "jakarta.servlet.forward.path_info=/echo", "jakarta.servlet.forward.query_string=lop=10A1&ky=2",
                "jakarta.servlet.forward.mapping=/probe/*|echo|PATH|probe");
        assertThat(dump).contains("locale=vi-VN\n", "locales=vi-VN\nlocales=vi\nlocales=en\n");
        assertThat(dump).as("the replay's own identity, not the moderator's connection").contains("requestId=replay-1 \n",
                "connection=replay HTTP/1.1  secure=false", "server=http secure=false 127.0.0.1:");
        assertThat(dump).contains("parts=refused ServletException", "trailers=true {}", "async=false false",
                "requestedSession=null cookie=false url=false valid=false");
        assertNothingOf(moderator, dump, FORWARD_ATTRIBUTES::contains);
    }

    @Test
    void regressionWithoutThePostersAcceptLanguageReplayUsesTheServerDefaultNotTheModerators() throws Exception {
        start("forward");
        HttpResponse<String> posted = site.post("/probe/echo", "application/x-www-form-urlencoded; charset=UTF-8",
                "note=" + enc("Không có ngôn ngữ"));
        assertThat(posted.statusCode()).isEqualTo(303);
        Moderator moderator = Moderator.signIn(site.base(), MODERATOR, TestSite.PASSWORD);
        assertThat(moderator.approve(moderator.pendingId()).statusCode()).isEqualTo(303);
        String dump = site.probes.get(0);
        assertThat(dump).contains("locale=" + Locale.getDefault().toLanguageTag() + "\n");
        assertNothingOf(moderator, dump, FORWARD_ATTRIBUTES::contains);
    }

    @Test
    void loopbackReplayIsAFreshRequestShowingTheApplicationNothingOfTheModerator() throws Exception {
        start("loopback");
        String note = "Câu hỏi qua vòng lặp " + System.nanoTime();
        HttpResponse<String> posted = site.post("/probe/echo?lop=10A1&ky=2", "application/x-www-form-urlencoded; charset=UTF-8",
                "note=" + enc(note), "Accept-Language", "vi-VN,vi;q=0.9,en;q=0.5");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);

        Moderator moderator = Moderator.signIn(site.base(), MODERATOR, TestSite.PASSWORD);
        HttpResponse<String> approved = moderator.approve(moderator.pendingId());
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(303);
        assertThat(site.probes).as("the probe route got the replay").hasSize(1);
        String dump = site.probes.get(0);

        assertThat(dump).contains("param note=" + note, "param lop=10A1", "method=POST", "dispatcher=REQUEST",
                "uri=/school/probe/echo\n", "query=lop=10A1&ky=2\n", "servletPath=/probe\n", "pathInfo=/echo\n",
                "remote=127.0.0.1:");
        assertThat(dump).doesNotContain("jakarta.servlet.forward.").doesNotContainIgnoringCase("X-SchoolGuard-Replay");
        assertThat(dump).contains("locale=vi-VN\n", "locales=vi-VN\nlocales=vi\nlocales=en\n");
        assertNothingOf(moderator, dump, LOOPBACK_ATTRIBUTES);
    }

    @Test
    void loopbackReplayWithoutThePostersAcceptLanguageUsesTheServerDefaultNotTheModerators() throws Exception {
        start("loopback");
        HttpResponse<String> posted = site.post("/probe/echo", "application/x-www-form-urlencoded; charset=UTF-8",
                "note=" + enc("Không có ngôn ngữ"));
        assertThat(posted.statusCode()).isEqualTo(303);
        Moderator moderator = Moderator.signIn(site.base(), MODERATOR, TestSite.PASSWORD);
        assertThat(moderator.approve(moderator.pendingId()).statusCode()).isEqualTo(303);
        String dump = site.probes.get(0);
        assertThat(dump).contains("dispatcher=REQUEST", "locale=" + Locale.getDefault().toLanguageTag() + "\n");
        assertNothingOf(moderator, dump, LOOPBACK_ATTRIBUTES);
    }

    /** Fails when anything of the moderator's request shows in what the application saw. */
    static void assertNothingOf(Moderator moderator, String dump, Predicate<String> allowedAttributes) {
        assertThat(dump).as("session cookie value").doesNotContain(moderator.sessionCookie());
        assertThat(dump).as("CSRF token").doesNotContain(moderator.csrf);
        assertThat(dump).as("console form field").doesNotContain("_csrf");
        assertThat(dump).as("moderator's name").doesNotContain(MODERATOR);
        assertThat(dump).as("moderator's language").doesNotContainIgnoringCase("fr-CA").doesNotContainIgnoringCase("fr_CA")
                .doesNotContain("locale=fr").doesNotContain("locales=fr");
        assertThat(dump).as("the approval URL").doesNotContain("/approve").doesNotContain("_schoolguard");
        assertThat(dump).as("session cookie name").doesNotContain("SG_SESSION");
        assertThat(dump).contains("cookie=", "remoteUser=null", "principal=null", "role moderator=false", "session=null");
        List<String> attributes = Arrays.stream(dump.split("\n")).filter(l -> l.startsWith("attr "))
                .map(l -> l.substring(5, l.indexOf('='))).collect(Collectors.toList());
        assertThat(attributes).as("attributes the application sees, in\n" + dump)
                .allMatch(a -> allowedAttributes.test(a) || a.equals(ReplayRequest.SUBMISSION_ATTRIBUTE), "allowed");
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A moderator in the browser console: session cookie, CSRF token, a French-Canadian browser. */
    static final class Moderator {
        final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        final String base;
        String lastPage = "";
        String csrf;

        private Moderator(String base) {
            this.base = base;
        }

        static Moderator signIn(String base, String user, String password) throws Exception {
            Moderator m = new Moderator(base);
            HttpResponse<String> login = m.post("/_schoolguard/login", "username=" + enc(user) + "&password=" + enc(password));
            assertThat(login.statusCode()).as(login.body()).isEqualTo(303);
            m.lastPage = m.get("/_schoolguard/queue").body();
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(m.lastPage);
            assertThat(token.find()).as("CSRF token on the queue page").isTrue();
            m.csrf = token.group(1);
            return m;
        }

        long pendingId() {
            Matcher item = Pattern.compile("/items/([0-9]+)/approve").matcher(lastPage);
            assertThat(item.find()).as("an approve button on the queue page").isTrue();
            return Long.parseLong(item.group(1));
        }

        HttpResponse<String> approve(long id) throws Exception {
            return post("/_schoolguard/items/" + id + "/approve?moderatorQuery=" + enc(MODERATOR),
                    "_csrf=" + enc(csrf) + "&moderatorField=" + enc(MODERATOR));
        }

        String sessionCookie() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SG_SESSION"))
                    .map(HttpCookie::getValue).findFirst().orElseThrow();
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            return client.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "fr-CA,fr;q=0.9");
        }
    }
}
