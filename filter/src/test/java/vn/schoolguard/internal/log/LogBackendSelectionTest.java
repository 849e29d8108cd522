package vn.schoolguard.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which backend SchoolGuard's logging picks in hosts with SLF4J 1.7, 2.x, an API without binding, mismatched
 * jars or nothing at all. Each host is a class loader of its own over real jars (copied by the build into
 * target/log-hosts) plus SchoolGuard's classes and libraries, with nothing of this test's SLF4J or Logback,
 * so every line below goes through the same linking a web application's class loader does.
 */
class LogBackendSelectionTest {

    private static final String PROBE = HostProbe.class.getName();
    private static final String SIMPLE_LOG_FILE = "org.slf4j.simpleLogger.logFile";

    @TempDir
    Path tmp;

    private final List<Runnable> cleanup = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        cleanup.forEach(Runnable::run);
        System.clearProperty(SIMPLE_LOG_FILE);
    }

    @Test
    void regressionHostWithSlf4j17GetsEveryLineAndTheIpLogMirrorWithoutLinkageError() throws Exception {
        Path out = simpleLogFile();
        try (URLClassLoader host = host("slf4j-1.7")) {
            assertThat(call(host, "logLines", "vn.schoolguard.probe")).isEqualTo("SLF4J 1.7 (binding org.slf4j.impl.SimpleLoggerFactory)");
            assertThat(call(host, "recordHeldPost", tmp.resolve("data").toString())).startsWith("SLF4J 1.7");
        }
        String log = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(log).contains("SchoolGuard logging through SLF4J 1.7 (binding org.slf4j.impl.SimpleLoggerFactory)")
                .contains("probe info xin chào from 42")
                .contains("java.lang.IllegalStateException: probe failure")
                .contains("probe seq=7 client=[2001:db8::1]:51234 path=\"/a b\\nforged=1\"")
                .contains("iplog seq=1 outcome=held client=203.0.113.7:51234 peer=10.0.0.2:40112 route=comments"
                        + " path=/news/1/comments submission=17 receipt=R-ABC")
                .doesNotContain("forged=1\n");
    }

    @Test
    void hostWithSlf4j2GetsEveryLineThroughItsProvider() throws Exception {
        Path out = simpleLogFile();
        try (URLClassLoader host = host("slf4j-2")) {
            assertThat(call(host, "logLines", "vn.schoolguard.probe")).isEqualTo("SLF4J 2.x (provider org.slf4j.simple.SimpleServiceProvider)");
            call(host, "recordHeldPost", tmp.resolve("data").toString());
        }
        assertThat(Files.readString(out, StandardCharsets.UTF_8))
                .contains("SchoolGuard logging through SLF4J 2.x (provider org.slf4j.simple.SimpleServiceProvider)")
                .contains("probe info xin chào from 42")
                .contains("iplog seq=1 outcome=held client=203.0.113.7:51234 peer=10.0.0.2:40112");
    }

    @Test
    void hostWithoutSlf4jLogsThroughJavaUtilLogging() throws Exception {
        List<LogRecord> probe = capture("vn.schoolguard.probe");
        List<LogRecord> startup = capture(Backends.LOGGER);
        try (URLClassLoader host = host(List.of())) {
            assertThat(call(host, "logLines", "vn.schoolguard.probe")).isEqualTo("java.util.logging (no SLF4J binding found)");
        }
        assertThat(startup).extracting(LogRecord::getMessage)
                .containsExactly("SchoolGuard logging through java.util.logging (no SLF4J binding found)");
        assertThat(probe).extracting(LogRecord::getMessage).containsExactly("probe info xin chào from 42",
                "probe warn with a stack trace", "probe seq=7 client=[2001:db8::1]:51234 path=\"/a b\\nforged=1\"");
        assertThat(probe.get(1).getLevel()).isEqualTo(java.util.logging.Level.WARNING);
        assertThat(probe.get(1).getThrown()).hasMessage("probe failure");
    }

    @Test
    void hostWithSlf4j17ApiButNoBindingLogsThroughJavaUtilLoggingIpLogIncluded() throws Exception {
        List<LogRecord> mirror = capture("vn.schoolguard.iplog");
        List<LogRecord> startup = capture(Backends.LOGGER);
        try (URLClassLoader host = host("slf4j-1.7-api-only")) {
            assertThat(call(host, "recordHeldPost", tmp.resolve("data").toString()))
                    .isEqualTo("java.util.logging (no SLF4J binding found: slf4j-api 1.7 without a binding)");
        }
        assertThat(startup).hasSize(1);
        assertThat(mirror).extracting(LogRecord::getMessage).containsExactly("iplog seq=1 outcome=held"
                + " client=203.0.113.7:51234 peer=10.0.0.2:40112 route=comments path=/news/1/comments submission=17 receipt=R-ABC");
    }

    @Test
    void slf4j2ApiWithOnlyA17BindingIsNoBindingAndLogsThroughJavaUtilLogging() throws Exception {
        List<LogRecord> probe = capture("vn.schoolguard.probe");
        Path simple17 = jars("slf4j-1.7").stream().filter(p -> p.getFileName().toString().startsWith("slf4j-simple")).findFirst().orElseThrow();
        Path api2 = jars("slf4j-2").stream().filter(p -> p.getFileName().toString().startsWith("slf4j-api")).findFirst().orElseThrow();
        try (URLClassLoader host = host(List.of(api2, simple17))) {
            assertThat(call(host, "logLines", "vn.schoolguard.probe"))
                    .isEqualTo("java.util.logging (no SLF4J binding found: slf4j-api 2.x without a provider)");
        }
        assertThat(probe).hasSize(3);
    }

    @Test
    void regressionFailingHostLoggingFallsBackToJavaUtilLoggingOnceAndLosesNoLine() throws Exception {
        List<LogRecord> probe = capture("vn.schoolguard.probe");
        List<LogRecord> startup = capture(Backends.LOGGER);
        try (URLClassLoader host = host(List.of())) {
            assertThat(call(host, "logThroughBrokenBackend", "vn.schoolguard.probe"))
                    .startsWith("java.util.logging (SLF4J failed: java.lang.NoSuchMethodError");
        }
        assertThat(probe).extracting(LogRecord::getMessage).containsExactly("first line after the failure", "second line");
        assertThat(startup).extracting(LogRecord::getMessage).filteredOn(m -> m.contains("SLF4J failed")).hasSize(1)
                .first().asString().contains("every later line goes there");
    }

    // --- a host: its jars, SchoolGuard's classes, SchoolGuard's libraries; parent = platform, so nothing leaks in

    private URLClassLoader host(String hostJars) throws Exception {
        return host(hostJars == null ? List.of() : jars(hostJars));
    }

    private static URLClassLoader host(List<Path> hostJars) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (Path jar : hostJars) {
            urls.add(jar.toUri().toURL());
        }
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : classPath.split(File.pathSeparator)) {
            String unix = entry.replace('\\', '/');
            if (!unix.contains("/org/slf4j/") && !unix.contains("/ch/qos/logback/") && !entry.isBlank()) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        return new URLClassLoader("host", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    private static List<Path> jars(String name) throws Exception {
        Path dir = Path.of("target", "log-hosts", name);
        assertThat(dir).as("host jars copied by the build (mvn process-test-resources)").isDirectory();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }

    private static String call(ClassLoader host, String method, String argument) throws Exception {
        Class<?> probe = Class.forName(PROBE, true, host);
        assertThat(probe.getClassLoader()).as("probe loaded by the host, not the test").isSameAs(host);
        try {
            return (String) probe.getMethod(method, String.class).invoke(null, argument);
        } catch (InvocationTargetException e) {
            throw new AssertionError("the host's logging broke the call", e.getCause());
        }
    }

    private Path simpleLogFile() {
        Path file = tmp.resolve("host.log");
        System.setProperty(SIMPLE_LOG_FILE, file.toString());
        return file;
    }

    private List<LogRecord> capture(String loggerName) {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger(loggerName);
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
        cleanup.add(() -> logger.removeHandler(handler));
        return records;
    }
}
