package vn.schoolguard.internal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.Principal;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.schoolguard.SchoolGuardFilter;

/** Issue 5: trusted posters (staff signed in to the site) and exempt networks are never rate limited. */
class ExemptionsTest {

    @TempDir
    Path dataDir;

    Server server;
    final AtomicInteger appPosts = new AtomicInteger();
    final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        // Stands in for the site's own login: a request with X-Test-User is signed in as a teacher.
        Filter login = (req, res, chain) -> {
            HttpServletRequest http = (HttpServletRequest) req;
            String user = http.getHeader("X-Test-User");
            chain.doFilter(user == null ? req : new HttpServletRequestWrapper(http) {
                @Override
                public Principal getUserPrincipal() {
                    return () -> user;
                }

                @Override
                public String getRemoteUser() {
                    return user;
                }

                @Override
                public boolean isUserInRole(String role) {
                    return role.equals("teacher");
                }
            }, res);
        };
        context.addFilter(new FilterHolder(login), "/*", EnumSet.of(DispatcherType.REQUEST));
        FilterHolder guard = new FilterHolder(SchoolGuardFilter.class);
        guard.setInitParameter("data.dir", dataDir.toString());
        guard.setInitParameter("route.comments.match", "POST /posts/*/comments");
        guard.setInitParameter("route.comments.fields", "content:html");
        guard.setInitParameter("moderation.trusted-roles", "teacher");
        guard.setInitParameter("proxies.trusted", "127.0.0.1");
        guard.setInitParameter("ratelimit.per-ip", "1/1h");
        guard.setInitParameter("ratelimit.exempt", "10.1.0.0/16");
        context.addFilter(guard, "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doPost(HttpServletRequest request, HttpServletResponse response) {
                appPosts.incrementAndGet();
                response.setStatus(204);
            }
        }), "/posts/*");
        server.setHandler(context);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    int post(String ip, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + ((ServerConnector) server.getConnectors()[0]).getLocalPort() + "/posts/1/comments"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", ip)
                .POST(HttpRequest.BodyPublishers.ofString("content=Th%C3%B4ng+b%C3%A1o"));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void trustedStaffPostStraightThroughWithoutLimits() throws Exception {
        assertThat(post("113.161.72.5")).isEqualTo(303);
        assertThat(post("113.161.72.5")).isEqualTo(429);
        for (int i = 0; i < 5; i++) {
            assertThat(post("113.161.72.5", "X-Test-User", "co.lan")).isEqualTo(204);
        }
        assertThat(appPosts.get()).isEqualTo(5);
    }

    @Test
    void exemptNetworksAreNotRateLimitedButOthersAre() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(post("10.1.2.3")).isEqualTo(303);
        }
        assertThat(post("10.2.2.3")).isEqualTo(303);
        assertThat(post("10.2.2.3")).isEqualTo(429);
    }
}
