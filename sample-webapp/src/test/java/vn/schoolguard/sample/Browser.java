package vn.schoolguard.sample;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for tests of what a person would see. Uses the system's {@code /usr/bin/chromium}
 * and {@code /usr/bin/chromedriver} (nothing is downloaded) with a fresh profile per instance. When
 * Chromium is absent, {@link #open()} prints a loud warning and skips the test through a JUnit assumption.
 *
 * <pre>{@code
 * try (Browser browser = Browser.open()) {
 *     browser.driver().get(site.uri("/").toString());
 *     browser.driver().findElement(By.linkText("Sổ lưu bút")).click();
 * }
 * }</pre>
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A new headless browser with a 1280×900 window, or a skipped test when Chromium is not installed. */
    public static Browser open() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            System.err.println("""
                    ****************************************************************
                    WARNING: headless Chromium not found (%s, %s).
                    BROWSER TESTS ARE SKIPPED: what a visitor sees is NOT checked.
                    ****************************************************************""".formatted(CHROMIUM, CHROMEDRIVER));
        }
        Assumptions.assumeTrue(present, "Chromium is not installed at " + CHROMIUM);
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=vi-VN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        try {
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (RuntimeException e) {
            TestSite.deleteTree(profile);
            throw e;
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Waits for page changes (not a sleep: polls the condition, up to ten seconds). */
    public WebDriverWait await() {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try {
                TestSite.deleteTree(profile);
            } catch (UncheckedIOException e) {
                // Chromium's helper processes may still be writing; a stray temporary profile is harmless.
                System.err.println("Could not delete Chromium profile " + profile + ": " + e.getMessage());
            }
        }
    }
}
