package vn.schoolguard.internal.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.schoolguard.SchoolGuardFilter;
import vn.schoolguard.SchoolGuardInitializer;

/** Issue 7: the drop-in JAR registers the filter by itself, first in the chain, only when asked to. */
class AutoRegistrationTest {

    @TempDir
    Path webRoot;
    @TempDir
    Path dataDir;

    Server server;
    ServletContextHandler context;
    final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void withSettingsFileTheFilterHoldsPostsBeforeTheApplicationsOwnFilters() throws Exception {
        writeSettings();
        start(Map.of(), false);
        assertThat(post().statusCode()).as("held by SchoolGuard, not refused by the app's filter").isEqualTo(303);
        assertThat(context.getServletHandler().getFilterMappings()[0].getFilterName()).isEqualTo(AutoRegistration.FILTER_NAME);
    }

    @Test
    void withoutSettingsNothingIsRegisteredAndTheSiteRunsAsBefore() throws Exception {
        start(Map.of(), false);
        assertThat(post().statusCode()).isEqualTo(418);
        assertThat(context.getServletHandler().getFilter(AutoRegistration.FILTER_NAME)).isNull();
    }

    @Test
    void autoRegisterFalseTurnsItOffEvenWithASettingsFile() throws Exception {
        writeSettings();
        start(Map.of(AutoRegistration.AUTO_REGISTER, "false"), false);
        assertThat(post().statusCode()).isEqualTo(418);
    }

    @Test
    void whenTheApplicationDeclaresTheFilterItIsNotRegisteredTwice() throws Exception {
        writeSettings();
        start(Map.of(), true);
        assertThat(context.getServletHandler().getFilters())
                .filteredOn(h -> SchoolGuardFilter.class.getName().equals(h.getClassName())).hasSize(1);
        // The application's own order stands: its filter comes first and refuses the post.
        assertThat(post().statusCode()).isEqualTo(418);
    }

    @Test
    void enabledSwitchRegistersWithoutAFile() throws Exception {
        Properties none = new Properties();
        ServletContextHandler probe = new ServletContextHandler("/");
        probe.setInitParameter(AutoRegistration.ENABLED, "true");
        assertThat(AutoRegistration.settingsSource(probe.getServletContext(), none, Map.of())).get().asString()
                .contains(AutoRegistration.ENABLED);
        assertThat(AutoRegistration.settingsSource(new ServletContextHandler("/").getServletContext(), none,
                Map.of(AutoRegistration.CONFIG_ENV, "/etc/schoolguard.properties"))).get().asString()
                .contains("SCHOOLGUARD_CONFIG");
        assertThat(AutoRegistration.settingsSource(new ServletContextHandler("/").getServletContext(), none, Map.of()))
                .isEmpty();
    }

    @Test
    void registrationSwitchesMayBeServerWideSystemPropertiesOrEnvironmentVariables() throws Exception {
        ServletContextHandler plain = new ServletContextHandler("/");
        Properties enabled = new Properties();
        enabled.setProperty(AutoRegistration.ENABLED, "true");
        assertThat(AutoRegistration.settingsSource(plain.getServletContext(), enabled, Map.of())).isPresent();
        assertThat(AutoRegistration.settingsSource(plain.getServletContext(), new Properties(),
                Map.of("SCHOOLGUARD_ENABLED", "true"))).isPresent();
        writeSettings();
        System.setProperty(AutoRegistration.AUTO_REGISTER, "false");
        try {
            start(Map.of(), false);
        } finally {
            System.clearProperty(AutoRegistration.AUTO_REGISTER);
        }
        assertThat(post().statusCode()).isEqualTo(418);
    }

    private void writeSettings() throws Exception {
        Files.createDirectories(webRoot.resolve("WEB-INF"));
        Files.writeString(webRoot.resolve("WEB-INF/schoolguard.properties"), String.join("\n",
                "data.dir=" + dataDir.toString().replace('\\', '/'),
                "route.comments.match=POST /news/*/comments",
                "route.comments.fields=content:html",
                ""));
    }

    private void start(Map<String, String> params, boolean declareFilter) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        context = new ServletContextHandler("/");
        context.setBaseResource(ResourceFactory.of(server).newResource(webRoot));
        params.forEach(context::setInitParameter);
        // The site's own filter refuses every post, so a post only gets past it if SchoolGuard answers first.
        Filter refuseAll = (req, res, chain) -> ((HttpServletResponse) res).sendError(418);
        context.addFilter(new FilterHolder(refuseAll), "/*", EnumSet.of(DispatcherType.REQUEST));
        if (declareFilter) {
            FilterHolder declared = new FilterHolder(SchoolGuardFilter.class);
            declared.setName("guard-from-web-xml");
            context.addFilter(declared, "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        context.addServlet(new ServletHolder(new HttpServlet() {
        }), "/");
        context.addServletContainerInitializer(new SchoolGuardInitializer());
        server.setHandler(context);
        server.start();
    }

    private HttpResponse<String> post() throws Exception {
        int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/news/1/comments"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("content=hello")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
