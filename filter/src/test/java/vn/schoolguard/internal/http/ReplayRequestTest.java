package vn.schoolguard.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.schoolguard.internal.moderation.Submission;
import vn.schoolguard.internal.store.SubmissionStoreTestAccess;

/**
 * The forward replay's request, without a container: it answers the approved values and the poster's view, and
 * nothing of the moderator's request underneath (headers, cookies, session, credentials, attributes, body), which
 * answers every question with the moderator's own values and records which were asked.
 */
class ReplayRequestTest {

    private static final Locale MODERATOR_LOCALE = Locale.forLanguageTag("tlh-KL");
    /** What the replay must never ask the moderator's request: each would answer with the moderator's identity. */
    private static final Set<String> NEVER_ASKED = Set.of("getCookies", "getSession", "getHeader", "getHeaders",
            "getHeaderNames", "getIntHeader", "getDateHeader", "getRemoteUser", "getUserPrincipal", "isUserInRole",
            "getAuthType", "getParameter", "getParameterMap", "getParameterNames", "getParameterValues", "getInputStream",
            "getReader", "getRemoteAddr", "getRemoteHost", "getRemotePort", "getRequestedSessionId", "getAttributeNames",
            "getLocale", "getLocales", "getMethod", "getQueryString", "getRequestURI", "getContentType", "getContentLength",
            "getContentLengthLong", "getCharacterEncoding", "login", "logout", "authenticate", "changeSessionId",
            "getParts", "getPart", "startAsync", "newPushBuilder", "getRequestId", "getProtocol");

    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final Submission submission = SubmissionStoreTestAccess.sample(42);
    private final ReplayBody body = ReplayBody.of(submission);
    private final ReplayRequest replay = new ReplayRequest(moderatorRequest(), submission, body);

    @AfterEach
    void askedNothingOfTheModerator() {
        assertThat(asked).as("methods asked of the moderator's request").doesNotContainAnyElementsOf(NEVER_ASKED);
    }

    @Test
    void answersTheApprovedRequestLineAndFields() {
        assertThat(replay.getMethod()).isEqualTo("POST");
        assertThat(replay.getRequestURI()).isEqualTo("/school/news/1/comments");
        assertThat(replay.getRequestURL()).hasToString("https://school.example/school/news/1/comments");
        assertThat(replay.getQueryString()).isEqualTo("a=1");
        assertThat(replay.getParameterMap().keySet()).as("the query string's first").startsWith("a")
                .containsExactlyInAnyOrder("a", "author", "content");
        assertThat(replay.getParameter("content")).isEqualTo("Chào");
        assertThat(replay.getParameterValues("author")).containsExactly("Lê Thị Hoa");
        assertThat(replay.getParameter("moderator-field")).isNull();
        assertThat(Collections.list(replay.getParameterNames())).doesNotContain("_csrf");
    }

    @Test
    void theBodyIsTheApprovedOneReadOnce() throws Exception {
        assertThat(replay.getContentType()).isEqualTo("application/x-www-form-urlencoded; charset=UTF-8");
        assertThat(replay.getContentLength()).isEqualTo(body.body().length);
        assertThat(replay.getHeader("Content-Length")).isEqualTo(String.valueOf(body.body().length));
        assertThat(replay.getCharacterEncoding()).isEqualTo("UTF-8");
        assertThat(replay.getInputStream().readAllBytes()).isEqualTo(body.body());
        assertThat(new String(body.body(), StandardCharsets.UTF_8)).doesNotContain("script").contains("content=Ch%C3%A0o");
        assertThatThrownBy(replay::getReader).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void headersAreThePostersKeptOnesNeverTheModerators() {
        assertThat(replay.getHeader("User-Agent")).isEqualTo("UA");
        assertThat(replay.getHeader("Cookie")).isNull();
        assertThat(replay.getHeader("Authorization")).isNull();
        assertThat(replay.getHeader("X-Moderator")).isNull();
        assertThat(Collections.list(replay.getHeaders("cookie"))).isEmpty();
        assertThat(Collections.list(replay.getHeaderNames()))
                .containsExactlyInAnyOrder("user-agent", "content-type", "content-length");
        assertThat(replay.getDateHeader("If-Modified-Since")).isEqualTo(-1);
    }

    @Test
    void thePosterIsTheClientAndNobodyIsSignedIn() {
        assertThat(replay.getRemoteAddr()).isEqualTo("2001:db8::7");
        assertThat(replay.getRemoteHost()).isEqualTo("2001:db8::7");
        assertThat(replay.getRemotePort()).isEqualTo(51234);
        assertThat(replay.getRemoteUser()).isNull();
        assertThat(replay.getUserPrincipal()).isNull();
        assertThat(replay.isUserInRole("admin")).isFalse();
        assertThat(replay.getAuthType()).isNull();
        assertThat(replay.getCookies()).isNull();
        assertThatThrownBy(() -> replay.login("moderator", "secret")).isInstanceOf(ServletException.class);
        assertThatThrownBy(() -> replay.authenticate(null)).isInstanceOf(ServletException.class);
        replay.logout();
    }

    @Test
    void theSessionIsAThrowawayOneNeverTheModerators() {
        assertThat(replay.getSession(false)).isNull();
        assertThat(replay.getRequestedSessionId()).isNull();
        assertThat(replay.isRequestedSessionIdValid()).isFalse();
        assertThat(replay.isRequestedSessionIdFromCookie()).isFalse();
        HttpSession session = replay.getSession(true);
        assertThat(session.getId()).startsWith("replay-");
        assertThat(session.getAttribute("user")).isNull();
        assertThat(Collections.list(session.getAttributeNames())).isEmpty();
        assertThat(replay.getSession()).isSameAs(session);
    }

    @Test
    void attributesAreTheReplaysOwnAndTheForwardOnesOfThePoster() {
        assertThat(replay.getAttribute("_csrf")).isNull();
        assertThat(replay.getAttribute("org.eclipse.jetty.server.Request.cookies")).isNull();
        assertThat(replay.getAttribute(ReplayRequest.SUBMISSION_ATTRIBUTE)).isEqualTo(42L);
        assertThat(replay.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI)).isEqualTo("/school/news/1/comments");
        assertThat(replay.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING)).isEqualTo("a=1");
        assertThat(Collections.list(replay.getAttributeNames()))
                .containsExactlyInAnyOrderElementsOf(union(ReplayRequest.FORWARD_ATTRIBUTES, ReplayRequest.SUBMISSION_ATTRIBUTE));
        replay.setAttribute("app", "set by the application");
        assertThat(replay.getAttribute("app")).isEqualTo("set by the application");
        assertThat(asked).doesNotContain("setAttribute");
    }

    @Test
    void theRestIsTheReplaysOwnNotTheModeratorsConnection() {
        assertThat(replay.getLocale()).isNotEqualTo(MODERATOR_LOCALE).isEqualTo(Locale.getDefault());
        assertThat(replay.getRequestId()).isEqualTo("replay-42");
        assertThat(replay.getProtocol()).isEqualTo("HTTP/1.1");
        assertThat(replay.getTrailerFields()).isEmpty();
        assertThat(replay.isAsyncSupported()).isFalse();
        assertThat(replay.newPushBuilder()).isNull();
        assertThatThrownBy(replay::startAsync).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(replay::getParts).isInstanceOf(ServletException.class);
        assertThat(replay.getDispatcherType()).isEqualTo(DispatcherType.REQUEST);
    }

    private static Set<String> union(Set<String> names, String name) {
        Set<String> all = new java.util.HashSet<>(names);
        all.add(name);
        return all;
    }

    /** The moderator's request: every question answered with the moderator's own values, and noted. */
    private HttpServletRequest moderatorRequest() {
        ServletContext context = (ServletContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getServletRegistrations" -> Map.of();
                    case "getContextPath" -> "/school";
                    default -> null;
                });
        HttpSession moderatorSession = (HttpSession) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpSession.class}, (proxy, method, args) -> method.getName().equals("getAttribute")
                        ? "moderator" : method.getName().equals("getId") ? "MODERATOR-SESSION" : null);
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                    asked.add(method.getName());
                    return switch (method.getName()) {
                        case "getServletContext" -> context;
                        case "getContextPath" -> "/school";
                        case "getScheme" -> "https";
                        case "getServerName" -> "school.example";
                        case "getServerPort" -> 443;
                        case "isSecure" -> true;
                        case "getDispatcherType" -> DispatcherType.REQUEST;
                        case "getMethod" -> "GET";
                        case "getRequestURI" -> "/school/_schoolguard/queue";
                        case "getQueryString" -> "_csrf=moderator";
                        case "getHeader" -> "moderator-header";
                        case "getHeaders", "getHeaderNames", "getAttributeNames", "getParameterNames", "getLocales" ->
                                Collections.enumeration(List.of("X-Moderator", "_csrf"));
                        case "getCookies" -> new Cookie[] {new Cookie("JSESSIONID", "MODERATOR-SESSION")};
                        case "getSession" -> moderatorSession;
                        case "getRequestedSessionId" -> "MODERATOR-SESSION";
                        case "getRemoteUser", "getAuthType" -> "moderator";
                        case "getUserPrincipal" -> (Principal) () -> "moderator";
                        case "isUserInRole", "isRequestedSessionIdValid", "isAsyncSupported" -> true;
                        case "getAttribute" -> "moderator-attribute";
                        case "getParameter" -> "moderator-field";
                        case "getParameterMap" -> Map.of("_csrf", new String[] {"moderator"});
                        case "getRemoteAddr", "getRemoteHost" -> "192.0.2.77";
                        case "getRemotePort", "getLocalPort", "getContentLength" -> 8443;
                        case "getContentLengthLong" -> 8443L;
                        case "getLocale" -> MODERATOR_LOCALE;
                        case "getInputStream" -> new ByteArrayInputStream("_csrf=moderator".getBytes(StandardCharsets.UTF_8));
                        case "getRequestId" -> "moderator-connection-7";
                        case "getProtocol" -> "HTTP/2.0";
                        default -> defaultValue(method.getReturnType());
                    };
                });
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }
}
