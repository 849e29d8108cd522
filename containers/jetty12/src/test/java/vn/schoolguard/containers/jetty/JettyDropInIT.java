package vn.schoolguard.containers.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.schoolguard.containers.DropInChecks;
import vn.schoolguard.containers.DropInSite;

/** Issue 7: an ordinary school site plus only the drop-in JAR and a properties file, on Jetty 12 (ee10). */
class JettyDropInIT {

    @TempDir
    Path tmp;

    Server server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void dropInJarHoldsReplaysLogsAndDecoratesWithoutWebXmlChanges() throws Exception {
        new DropInChecks(start(List.of())).all();
    }

    @Test
    void forwardReplayModeStillPublishesAndShowsNothingOfTheModerator() throws Exception {
        new DropInChecks(start(List.of("replay.mode=forward"))).forwardReplay();
    }

    /** Deploys the site with these extra settings; returns its address. */
    private String start(List<String> extraSettings) throws Exception {
        DropInSite site = DropInSite.build(tmp.resolve("school"), jakarta.servlet.Servlet.class,
                DropInSite.file("dropin.jar"), DropInSite.jarsIn("host.libs"), tmp.resolve("data"), extraSettings);
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        WebAppContext webapp = new WebAppContext(site.root().toString(), "/school");
        webapp.setThrowUnavailableOnStartupException(true);
        server.setHandler(webapp);
        server.start();
        assertThat(webapp.isAvailable()).isTrue();
        return "http://127.0.0.1:" + connector.getLocalPort() + "/school";
    }
}
