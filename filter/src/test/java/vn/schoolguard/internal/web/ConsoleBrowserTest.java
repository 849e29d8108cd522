package vn.schoolguard.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.schoolguard.testing.TestSite;

/**
 * The console in a real headless Chromium: what a moderator sees and clicks. Set the system property
 * {@code sg.screenshots} to a directory to keep screenshots of the queue and detail pages (desktop and phone).
 */
class ConsoleBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path dataDir;

    @TempDir
    Path profileDir;

    TestSite site;
    WebDriver driver;

    @BeforeEach
    void start() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            System.err.println("WARNING ***** ConsoleBrowserTest SKIPPED: no Chromium at " + CHROMIUM + " or no chromedriver at "
                    + CHROMEDRIVER + "; the console was NOT tested in a browser *****");
        }
        Assumptions.assumeTrue(present, "headless Chromium is not installed");
        site = new TestSite(dataDir, Map.of());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profileDir, "--lang=vi");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "vi"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    @AfterEach
    void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    void moderatorSignsInClicksApproveOnAHeldCommentAndSeesTheNotice() throws Exception {
        site.postForm("/posts/5/comments", Map.of("author", "Trần Thị Bích", "email", "bich@example.vn",
                "content", "<b>Cảm ơn</b> thầy cô đã tổ chức buổi ngoại khoá!"));
        site.postForm("/posts/5/comments", Map.of("author", "Khách", "email", "",
                "content", "Nhà cái uy tín, nạp 100k tặng 200k tại https://example.com/bet"));
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));

        driver.get(site.base() + "/_schoolguard/queue");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("mod");
        driver.findElement(By.id("password")).sendKeys(TestSite.PASSWORD);
        driver.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("ol.items li.item")));
        assertThat(driver.findElement(By.id("who-name")).getText()).isEqualTo("mod");
        screenshot("queue-desktop");
        driver.findElement(By.cssSelector("ol.items li.item .item-link")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("preview")));
        assertThat(driver.findElement(By.cssSelector("#preview .preview-html b")).getText()).isEqualTo("Cảm ơn");
        screenshot("item-desktop");
        driver.manage().window().setSize(new Dimension(390, 1400));
        screenshot("item-phone");
        driver.navigate().back();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("ol.items li.item")));
        screenshot("queue-phone");
        driver.manage().window().setSize(new Dimension(1280, 900));

        var first = driver.findElement(By.cssSelector("ol.items li.item"));
        String id = first.getAttribute("id").substring("item-".length());
        first.findElement(By.cssSelector("button[data-action=approve]")).click();

        var flash = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("flash")));
        assertThat(flash.getText()).contains("#" + id);
        assertThat(driver.findElements(By.id("item-" + id))).isEmpty();
        assertThat(site.stored).hasSize(1);
        assertThat(site.stored.get(0).parameters().get("author")).containsExactly("Trần Thị Bích");
        assertThat(site.stored.get(0).parameters().get("content")).containsExactly("<b>Cảm ơn</b> thầy cô đã tổ chức buổi ngoại khoá!");
    }

    private void screenshot(String name) throws Exception {
        String dir = System.getProperty("sg.screenshots");
        if (dir != null && !dir.isBlank()) {
            Path target = Path.of(dir, name + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        }
    }
}
