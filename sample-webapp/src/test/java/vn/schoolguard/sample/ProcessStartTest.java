package vn.schoolguard.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the site as its own process, the way operators and outside checks start it. */
class ProcessStartTest {

    private static final Pattern SITE_URL = Pattern.compile("http://localhost:(\\d+)/");

    @TempDir
    Path work;

    private Process launch(String... flags) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                // The production logging setup, not the test one the class path also carries.
                "-Dlogback.configurationFile=" + SampleSite.class.getResource("/logback.xml"),
                "-Dsample.logs.dir=" + work.resolve("logs"),
                SampleSite.class.getName()));
        command.addAll(List.of(flags));
        return new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
    }

    /** Reads output lines until one contains {@code Started}; the lines read so far, that line last. */
    private static List<String> untilStarted(Process process) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<List<String>> started = CompletableFuture.supplyAsync(() -> {
            List<String> lines = new ArrayList<>();
            try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                    if (line.contains("Started")) {
                        return lines;
                    }
                }
            } catch (IOException e) {
                lines.add("read failed: " + e);
            }
            throw new AssertionError("The process ended without a Started line:\n" + String.join("\n", lines));
        });
        return started.get(60, TimeUnit.SECONDS);
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    @Test
    void guardedSiteLogsPasswordThenOneStartedLineWithSiteAndConsoleUrlsAndServesHome() throws Exception {
        Process process = launch("--port", "0", "--data-dir", "data");
        try {
            List<String> lines = untilStarted(process);
            String startedLine = lines.get(lines.size() - 1);

            assertThat(lines.stream().filter(line -> line.contains("Started"))).hasSize(1);
            assertThat(lines).anyMatch(line -> line.matches(".*Demo accounts moderator, investigator, admin; password: [A-Za-z2-9]{16}$"));
            assertThat(startedLine).contains("/_schoolguard/", "Trường THPT Ngô Quyền");
            Matcher url = SITE_URL.matcher(startedLine);
            assertThat(url.find()).as(startedLine).isTrue();
            SiteHttp http = new SiteHttp(URI.create("http://127.0.0.1:" + url.group(1) + "/"));
            assertThat(http.get("/").body()).contains("Tin tức – Thông báo");
            assertThat(work.resolve("data/site.mv.db")).exists();
            assertThat(work.resolve("logs/iplog.json")).exists();
        } finally {
            stop(process);
        }
    }

    @Test
    void noGuardSiteStartsWithAWarningStartedLine() throws Exception {
        Process process = launch("--port", "0", "--data-dir", "data", "--no-guard");
        try {
            List<String> lines = untilStarted(process);
            String startedLine = lines.get(lines.size() - 1);

            assertThat(lines).noneMatch(line -> line.contains("Demo accounts"));
            assertThat(startedLine).contains("WARN", "WITHOUT SchoolGuard").doesNotContain("/_schoolguard/");
        } finally {
            stop(process);
        }
    }

    @Test
    void badFlagExitsWith2AndPrintsUsage() throws Exception {
        Process process = launch("--bogus");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("Unknown option: '--bogus'", "Usage: sample-webapp");
    }

    @Test
    void rejectedConfigurationExitsWith1AndSaysWhy() throws Exception {
        Process process = launch("--port", "0", "--data-dir", "data", "--demo-password", "ngan");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("Could not start the sample site", "accounts.seed-password").doesNotContain("Started Tr");
    }
}
