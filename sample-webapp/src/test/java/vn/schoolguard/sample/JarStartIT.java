package vn.schoolguard.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code java -jar target/sample-webapp.jar} as operators do. Runs in the package phase, after the
 * JAR is built (see the sample's pom), because only the JAR shows whether every run-time library is inside.
 */
class JarStartIT {

    private static final Pattern SITE_URL = Pattern.compile("http://localhost:(\\d+)/");

    @TempDir
    Path work;

    @Test
    void runnableJarStartsGuardedSiteAndServesHome() throws Exception {
        Path jar = Path.of(System.getProperty("sample.jar", "target/sample-webapp.jar")).toAbsolutePath();
        assertThat(jar).as("the runnable JAR, built in the package phase").exists();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dsample.logs.dir=" + work.resolve("logs"), "-jar", jar.toString(),
                "--port", "0", "--data-dir", work.resolve("data").toString(), "--demo-password", "mat-khau-demo")
                .directory(work.toFile()).redirectErrorStream(true).start();
        try {
            String started = startedLine(process);
            assertThat(started).contains("/_schoolguard/");
            Matcher url = SITE_URL.matcher(started);
            assertThat(url.find()).as(started).isTrue();
            SiteHttp http = new SiteHttp(URI.create("http://127.0.0.1:" + url.group(1) + "/"));
            assertThat(http.get("/").body()).contains("Tin tức – Thông báo");
            assertThat(http.get("/news/6").statusCode()).isEqualTo(200);
            assertThat(Files.list(work.resolve("data")).map(p -> p.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("site.")).anyMatch(name -> name.startsWith("schoolguard."));
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static String startedLine(Process process) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        return CompletableFuture.supplyAsync(() -> {
            List<String> lines = new ArrayList<>();
            try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.contains("Started")) {
                        return line;
                    }
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("read failed: " + e);
            }
            throw new AssertionError("java -jar ended without a Started line:\n" + String.join("\n", lines));
        }).get(90, TimeUnit.SECONDS);
    }
}
