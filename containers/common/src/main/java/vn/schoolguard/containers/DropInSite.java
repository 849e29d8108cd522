package vn.schoolguard.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * An exploded WAR of an ordinary school site that knows nothing of SchoolGuard: its own servlet (compiled here
 * against the container's Servlet API, javax or jakarta), its own libraries in {@code WEB-INF/lib}, plus only
 * the drop-in JAR and {@code WEB-INF/schoolguard.properties}.
 */
public final class DropInSite {

    /** Admin account seeded by the properties file, for the REST checks. */
    public static final String ADMIN = "admin";
    public static final String PASSWORD = "change-me-at-once";
    /** Moderator account (same password), named so that any trace of it in a replayed request stands out. */
    public static final String MODERATOR = "kiemduyet-thu-huong";

    private final Path root;

    private DropInSite(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /**
     * Builds the site under {@code dir}.
     *
     * @param servletApi a class of the container's Servlet API ({@code javax.servlet.Servlet} or the jakarta one)
     * @param dropInJar  the SchoolGuard JAR to add (null for none)
     * @param hostLibs   the site's own libraries (other versions of Jackson, H2, Caffeine, SLF4J...)
     */
    public static DropInSite build(Path dir, Class<?> servletApi, Path dropInJar, List<Path> hostLibs, Path dataDir) {
        try {
            Path webInf = Files.createDirectories(dir.resolve("WEB-INF"));
            Path lib = Files.createDirectories(webInf.resolve("lib"));
            Path classes = Files.createDirectories(webInf.resolve("classes"));
            Files.writeString(webInf.resolve("web.xml"), resource("site/web.xml"));
            boolean javax = servletApi.getName().startsWith("javax.");
            Path src = Files.createDirectories(dir.resolveSibling(dir.getFileName() + "-src").resolve("school/site"));
            List<Path> sources = new ArrayList<>();
            for (String name : List.of("SchoolSite", "Probe")) {
                String source = resource("site/" + name + ".java.txt");
                if (javax) {
                    source = source.replace("jakarta.servlet", "javax.servlet");
                }
                sources.add(Files.writeString(src.resolve(name + ".java"), source));
            }
            compile(sources, classes, location(servletApi));
            for (Path hostLib : hostLibs) {
                Files.copy(hostLib, lib.resolve(hostLib.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            if (dropInJar != null) {
                assertThat(dropInJar).as("the drop-in JAR; build it first with mvn package").isRegularFile();
                Files.copy(dropInJar, lib.resolve(dropInJar.getFileName()));
                Files.writeString(webInf.resolve("schoolguard.properties"), String.join("\n",
                        "data.dir=" + dataDir.toAbsolutePath().toString().replace('\\', '/'),
                        "route.comments.match=POST /news/*/comments",
                        "route.comments.fields=author:text, content:html",
                        "route.probe.match=POST /probe/*",
                        "route.probe.fields=note:text",
                        "accounts.seed=" + ADMIN + ":admin, " + MODERATOR + ":moderator",
                        "accounts.seed-password=" + PASSWORD,
                        "emc.site-id=1234",
                        "portal.url=https://haiphong.edu.vn/",
                        ""), StandardCharsets.UTF_8);
            }
            return new DropInSite(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JARs in a directory given by a system property (set by the build), sorted by name. */
    public static List<Path> jarsIn(String property) {
        String dir = System.getProperty(property);
        assertThat(dir).as("system property " + property).isNotBlank();
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file given by a system property (set by the build). */
    public static Path file(String property) {
        String value = System.getProperty(property);
        assertThat(value).as("system property " + property).isNotBlank();
        return Path.of(value);
    }

    private static void compile(List<Path> sources, Path classes, Path servletApi) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertThat(compiler).as("a JDK with javac").isNotNull();
        List<String> args = new ArrayList<>(List.of("-proc:none", "-encoding", "UTF-8", "--release", "11",
                "-classpath", servletApi.toString(), "-d", classes.toString()));
        sources.forEach(s -> args.add(s.toString()));
        int rc = compiler.run(null, null, null, args.toArray(String[]::new));
        assertThat(rc).as("compiling the school site").isZero();
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DropInSite.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
