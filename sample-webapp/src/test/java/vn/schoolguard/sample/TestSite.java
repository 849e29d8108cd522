package vn.schoolguard.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A sample site started in-process for a test: a free port, a fresh temporary data directory, a known
 * demo password. {@link #close()} stops it and deletes the directory.
 *
 * <pre>{@code
 * try (TestSite site = TestSite.noGuard()) {
 *     HttpResponse<String> home = site.http().get("/");
 * }
 * try (TestSite site = TestSite.guarded("mat-khau-demo")) {
 *     site.http().withBasicAuth("moderator", site.demoPassword()).get("/_schoolguard/api/submissions?status=pending");
 * }
 * }</pre>
 */
public final class TestSite implements AutoCloseable {

    /** The demo password {@link #noGuard()} uses; at least 8 characters, as SchoolGuard asks. */
    public static final String DEFAULT_PASSWORD = "demo-Passw0rd";

    private final SampleSite site;
    private final Path dataDir;
    private final SiteHttp http;

    private TestSite(SampleSite site, Path dataDir) {
        this.site = site;
        this.dataDir = dataDir;
        this.http = new SiteHttp(site.baseUri());
    }

    /** The site without SchoolGuard: posts are stored and shown at once. */
    public static TestSite noGuard() {
        return start(options(DEFAULT_PASSWORD).withGuard(false));
    }

    /** The site with the SchoolGuard filter, demo accounts using {@code demoPassword}. */
    public static TestSite guarded(String demoPassword) {
        return start(options(demoPassword));
    }

    /** Port 0 and a fresh temporary data directory; adjust further before {@link #start(SiteOptions)}. */
    public static SiteOptions options(String demoPassword) {
        try {
            return SiteOptions.defaults().withPort(0).withDemoPassword(demoPassword)
                    .withDataDir(Files.createTempDirectory("sample-site-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts with exactly these options; the data directory is deleted on {@link #close()}. */
    public static TestSite start(SiteOptions options) {
        try {
            return new TestSite(SampleSite.start(options), options.dataDir());
        } catch (Exception e) {
            deleteTree(options.dataDir());
            throw new IllegalStateException("The sample site did not start: " + e, e);
        }
    }

    public SampleSite site() {
        return site;
    }

    public URI baseUri() {
        return site.baseUri();
    }

    public URI uri(String path) {
        return site.baseUri().resolve(path);
    }

    public Path dataDir() {
        return dataDir;
    }

    public String demoPassword() {
        return site.options().demoPassword();
    }

    /** An HTTP client aimed at this site (no credentials). */
    public SiteHttp http() {
        return http;
    }

    @Override
    public void close() {
        try {
            site.close();
        } finally {
            deleteTree(dataDir);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + root, e);
        }
    }
}
