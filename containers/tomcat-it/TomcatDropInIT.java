package vn.schoolguard.containers.tomcat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.schoolguard.containers.DropInChecks;
import vn.schoolguard.containers.DropInSite;

/**
 * Issue 7: an ordinary school site plus only the drop-in JAR and a properties file, on embedded Tomcat
 * (one source, compiled in containers/tomcat9, tomcat10 and tomcat11 against each Tomcat).
 */
class TomcatDropInIT {

    @TempDir
    Path tmp;

    Tomcat tomcat;

    @AfterEach
    void stop() throws Exception {
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
    }

    @Test
    void dropInJarHoldsReplaysLogsAndDecoratesWithoutWebXmlChanges() throws Exception {
        List<Path> hostLibs = DropInSite.jarsIn("host.libs");
        Context context = deploy(hostLibs);
        assertThat(context.getState()).isEqualTo(LifecycleState.STARTED);
        new DropInChecks("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/school").all();
    }

    @Test
    void withoutSlf4jTheSiteDoesNotStartAndTheLogSaysWhy() throws Exception {
        List<Path> hostLibs = DropInSite.jarsIn("host.libs").stream()
                .filter(p -> !p.getFileName().toString().startsWith("slf4j-")).toList();
        Context context = deploy(hostLibs);
        assertThat(context.getState()).as("fails closed: moderation was asked for").isNotEqualTo(LifecycleState.STARTED);
    }

    private Context deploy(List<Path> hostLibs) throws Exception {
        Class<?> servletApi = Class.forName(System.getProperty("servlet.api"));
        DropInSite site = DropInSite.build(tmp.resolve("school"), servletApi, DropInSite.file("dropin.jar"), hostLibs,
                tmp.resolve("data"));
        tomcat = new Tomcat();
        tomcat.setBaseDir(tmp.resolve("tomcat").toString());
        tomcat.setPort(0);
        tomcat.getConnector();
        tomcat.getHost().setAutoDeploy(false);
        tomcat.setAddDefaultWebXmlToWebapp(false);
        Context context = tomcat.addWebapp("/school", site.root().toString());
        // The test class path is not the site's; only WEB-INF/lib counts, as on a real server.
        StandardJarScanner scanner = new StandardJarScanner();
        scanner.setScanClassPath(false);
        context.setJarScanner(scanner);
        tomcat.start();
        return context;
    }
}
