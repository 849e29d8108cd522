package vn.schoolguard.internal.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.schoolguard.internal.db.Json;
import vn.schoolguard.testing.TestSite;

/**
 * Applications that sign users in with a filter after SchoolGuard's: the user is recognised from the session
 * (a name, or a Spring Security context) or from a trusted proxy's header, for the IP log, per-user limits and
 * trusted posters.
 */
class SignedInPostersTest {

    private static final String INVESTIGATOR = TestSite.basic("inv", TestSite.PASSWORD);
    private static final Map<String, String> COMMENT = Map.of("author", "An", "content", "Cảm ơn thầy cô");

    @TempDir
    Path dataDir;

    /** The application's own sign-in: {@code GET /login?user=NAME[&spring=ROLE]} keeps the user in the session. */
    static final class LoginServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) {
            HttpSession session = request.getSession(true);
            String user = request.getParameter("user");
            if (request.getParameter("spring") != null) {
                session.setAttribute("SPRING_SECURITY_CONTEXT", new SecurityContext(new Authentication(user,
                        List.of(new Authority("ROLE_" + request.getParameter("spring"))))));
            } else {
                session.setAttribute("user", user);
            }
            response.setStatus(204);
        }
    }

    /** Shaped as Spring Security's: SecurityContext.getAuthentication(), Authentication.getName()/getAuthorities(). */
    public record SecurityContext(Authentication authentication) {
        public Authentication getAuthentication() {
            return authentication;
        }
    }

    public record Authentication(String name, List<Authority> authorities) implements Principal {
        @Override
        public String getName() {
            return name;
        }

        public List<Authority> getAuthorities() {
            return authorities;
        }

        public boolean isAuthenticated() {
            return true;
        }
    }

    public record Authority(String authority) {
        public String getAuthority() {
            return authority;
        }
    }

    /** The application's authentication filter, after SchoolGuard's: only from here on does the request name the user. */
    static Filter laterLogin() {
        return (req, res, chain) -> {
            HttpServletRequest request = (HttpServletRequest) req;
            HttpSession session = request.getSession(false);
            Object user = session == null ? null : session.getAttribute("user");
            chain.doFilter(user == null ? req : new HttpServletRequestWrapper(request) {
                @Override
                public String getRemoteUser() {
                    return (String) user;
                }

                @Override
                public Principal getUserPrincipal() {
                    return () -> (String) user;
                }
            }, res);
        };
    }

    private TestSite site(Map<String, String> settings) throws Exception {
        return new TestSite(dataDir, settings, (s, context) -> application(context));
    }

    private static void application(ServletContextHandler context) {
        context.setSessionHandler(new org.eclipse.jetty.ee10.servlet.SessionHandler());
        context.addServlet(new ServletHolder(new LoginServlet()), "/login");
        context.addFilter(new FilterHolder(laterLogin()), "/*", EnumSet.of(DispatcherType.REQUEST));
    }

    private static String signIn(TestSite site, String query) throws Exception {
        HttpResponse<String> login = site.get("/login?" + query);
        assertThat(login.statusCode()).isEqualTo(204);
        return login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    }

    private static JsonNode newestLog(TestSite site) throws IOException, InterruptedException {
        return Json.MAPPER.readTree(site.get("/_schoolguard/api/iplog", "Authorization", INVESTIGATOR).body()).path("items").get(0);
    }

    private static String user(JsonNode entry) {
        return entry.path("user").isNull() ? "" : entry.path("user").asText();
    }

    @Test
    void byDefaultAUserSignedInByALaterFilterIsUnknownToTheIpLog() throws Exception {
        try (TestSite site = site(Map.of())) {
            String cookie = signIn(site, "user=alice");
            assertThat(site.postForm("/posts/1/comments", COMMENT, "Cookie", cookie, "Accept", "application/json").statusCode())
                    .isEqualTo(202);
            assertThat(user(newestLog(site))).isEmpty();
        }
    }

    @Test
    void aSessionAttributeNamesThePosterInTheIpLogAndPerUserLimitsCountIt() throws Exception {
        try (TestSite site = site(Map.of("moderation.user-from", "session-attribute:user",
                "moderation.trusted-users", "teacher1", "ratelimit.per-user", "1/1m"))) {
            String alice = signIn(site, "user=alice");
            String bob = signIn(site, "user=bob");
            assertThat(site.postForm("/posts/1/comments", COMMENT, "Cookie", alice, "Accept", "application/json").statusCode())
                    .isEqualTo(202);
            JsonNode held = newestLog(site);
            assertThat(held.path("outcome").asText()).isEqualTo("held");
            assertThat(user(held)).isEqualTo("alice");
            assertThat(site.postForm("/posts/1/comments", COMMENT, "Cookie", alice, "Accept", "application/json").statusCode())
                    .as("alice's second post within the minute").isEqualTo(429);
            assertThat(user(newestLog(site))).isEqualTo("alice");
            assertThat(site.postForm("/posts/1/comments", COMMENT, "Cookie", bob, "Accept", "application/json").statusCode())
                    .as("bob has a bucket of his own").isEqualTo(202);
            assertThat(site.postForm("/posts/1/comments", COMMENT, "Accept", "application/json").statusCode())
                    .as("no session: no user, no per-user limit").isEqualTo(202);
            assertThat(user(newestLog(site))).isEmpty();
        }
    }

    @Test
    void aTrustedUserFromTheSessionBypassesTheQueueAndIsStillLogged() throws Exception {
        try (TestSite site = site(Map.of("moderation.user-from", "session-attribute:user",
                "moderation.trusted-users", "teacher1"))) {
            String teacher = signIn(site, "user=teacher1");
            int stored = site.stored.size();
            assertThat(site.postForm("/posts/1/comments", COMMENT, "Cookie", teacher).statusCode()).isEqualTo(302);
            assertThat(site.stored).hasSize(stored + 1);
            JsonNode bypassed = newestLog(site);
            assertThat(bypassed.path("outcome").asText()).isEqualTo("bypassed");
            assertThat(bypassed.path("detail").asText()).isEqualTo("trusted poster teacher1");
            assertThat(user(bypassed)).isEqualTo("teacher1");
        }
    }

    @Test
    void aSpringSecurityContextInTheSessionGivesTheNameAndTheRolesForTrustedRoles() throws Exception {
        try (TestSite site = site(Map.of("moderation.user-from", "session-attribute:SPRING_SECURITY_CONTEXT",
                "moderation.trusted-roles", "teacher"))) {
            String student = signIn(site, "user=hs01&spring=student");
            String teacher = signIn(site, "user=gv01&spring=teacher");
            assertThat(site.postForm("/posts/1/comments", COMMENT, "Cookie", student, "Accept", "application/json").statusCode())
                    .isEqualTo(202);
            assertThat(user(newestLog(site))).isEqualTo("hs01");
            int stored = site.stored.size();
            assertThat(site.postForm("/posts/1/comments", COMMENT, "Cookie", teacher).statusCode()).isEqualTo(302);
            assertThat(site.stored).hasSize(stored + 1);
            assertThat(newestLog(site).path("detail").asText()).isEqualTo("trusted poster gv01");
        }
    }

    @Test
    void regressionAUserHeaderIsBelievedOnlyFromATrustedProxy() throws Exception {
        try (TestSite site = site(Map.of("moderation.user-from", "header:X-Remote-User", "moderation.trusted-users", "teacher1"))) {
            int stored = site.stored.size();
            assertThat(site.postForm("/posts/1/comments", COMMENT, "X-Remote-User", "teacher1", "Accept", "application/json")
                    .statusCode()).as("a visitor's own header").isEqualTo(202);
            assertThat(site.stored).hasSize(stored);
            assertThat(user(newestLog(site))).isEmpty();
        }
        try (TestSite site = site(Map.of("moderation.user-from", "header:X-Remote-User", "moderation.trusted-users", "teacher1",
                "proxies.trusted", "127.0.0.1"))) {
            assertThat(site.postForm("/posts/1/comments", COMMENT, "X-Remote-User", "alice", "Accept", "application/json")
                    .statusCode()).isEqualTo(202);
            assertThat(user(newestLog(site))).isEqualTo("alice");
            int stored = site.stored.size();
            assertThat(site.postForm("/posts/1/comments", COMMENT, "X-Remote-User", "teacher1").statusCode()).isEqualTo(302);
            assertThat(site.stored).hasSize(stored + 1);
        }
    }
}
