package vn.schoolguard.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test site as a JUnit extension: a fresh data directory and a started {@link TestSite} before each test, both gone
 * after it. Register it as a field and read the site through {@link #site()}:
 *
 * <pre>{@code
 * @RegisterExtension
 * final RunningSite running = RunningSite.with(Map.of("replay.mode", "forward"));
 *
 * @Test
 * void holdsAComment() throws Exception {
 *     running.site().postForm("/posts/1/comments", Map.of("content", "hello"));
 * }
 * }</pre>
 */
public final class RunningSite implements BeforeEachCallback, AfterEachCallback {

    private final Map<String, String> settings;
    private final BiConsumer<TestSite, ServletContextHandler> application;
    private Path dataDir;
    private TestSite site;

    private RunningSite(Map<String, String> settings, BiConsumer<TestSite, ServletContextHandler> application) {
        this.settings = Map.copyOf(settings);
        this.application = application;
    }

    /** A site with these settings over the test site's own. */
    public static RunningSite with(Map<String, String> settings) {
        return new RunningSite(settings, (site, handler) -> { });
    }

    /** The same site with the application's own servlets or filters added before it starts. */
    public RunningSite application(BiConsumer<TestSite, ServletContextHandler> application) {
        return new RunningSite(settings, application);
    }

    /** The same site with one more setting. */
    public RunningSite and(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(settings);
        more.put(key, value);
        return new RunningSite(more, application);
    }

    /** The site of the running test. */
    public TestSite site() {
        if (site == null) {
            throw new IllegalStateException("the site runs only during a test");
        }
        return site;
    }

    /** Its data directory (the H2 database, the IP log). */
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        dataDir = Files.createTempDirectory("sg-site-");
        site = new TestSite(dataDir, settings, application);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            if (site != null) {
                site.close();
            }
        } finally {
            site = null;
            delete(dataDir);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
