package vn.schoolguard.containers.tomcat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

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

    private static final String SIMPLE_LOG_FILE = "org.slf4j.simpleLogger.logFile";
    private final List<Runnable> captured = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        captured.forEach(Runnable::run);
        System.clearProperty(SIMPLE_LOG_FILE);
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
    void regressionSiteWithoutSlf4jHoldsPostsAndTheIpLogLineGoesToJavaUtilLogging() throws Exception {
        List<LogRecord> iplog = capture("vn.schoolguard.iplog");
        List<LogRecord> startup = capture("vn.schoolguard.log");
        Context context = deploy(withoutSlf4j());
        assertThat(context.getState()).isEqualTo(LifecycleState.STARTED);
        String id = checks().heldPost("Không có SLF4J " + System.nanoTime());

        assertThat(startup).extracting(LogRecord::getMessage)
                .contains("SchoolGuard logging through java.util.logging (no SLF4J binding found)");
        assertThat(iplog).extracting(LogRecord::getMessage).anySatisfy(line -> assertThat(line)
                .containsPattern("^iplog seq=\\d+ outcome=held client=127\\.0\\.0\\.1:\\d+ peer=127\\.0\\.0\\.1:\\d+"
                        + " route=comments path=(/school)?/news/1/comments submission=" + id + " receipt=\\S+$"));
    }

    @Test
    void regressionSiteWithSlf4j17HoldsPostsAndTheIpLogLineGoesToItsBinding() throws Exception {
        Path hostLog = tmp.resolve("host.log");
        System.setProperty(SIMPLE_LOG_FILE, hostLog.toString());
        List<Path> hostLibs = new ArrayList<>(withoutSlf4j());
        hostLibs.addAll(DropInSite.jarsIn("host.libs.slf4j17"));
        Context context = deploy(hostLibs);
        assertThat(context.getState()).isEqualTo(LifecycleState.STARTED);
        String id = checks().heldPost("SLF4J 1.7 " + System.nanoTime());

        String log = Files.readString(hostLog, StandardCharsets.UTF_8);
        assertThat(log).contains("SchoolGuard logging through SLF4J 1.7 (binding org.slf4j.impl.SimpleLoggerFactory)")
                .containsPattern("iplog seq=\\d+ outcome=held client=127\\.0\\.0\\.1:\\d+ peer=127\\.0\\.0\\.1:\\d+"
                        + " route=comments path=(/school)?/news/1/comments submission=" + id + " receipt=\\S+")
                .doesNotContain("NoSuchMethodError").doesNotContain("NoClassDefFoundError");
    }

    private static List<Path> withoutSlf4j() {
        return DropInSite.jarsIn("host.libs").stream().filter(p -> !p.getFileName().toString().startsWith("slf4j-")).toList();
    }

    private DropInChecks checks() {
        return new DropInChecks("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/school");
    }

    private List<LogRecord> capture(String name) {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger(name);
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        captured.add(() -> logger.removeHandler(handler));
        return records;
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
