package vn.schoolguard.internal.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import vn.schoolguard.internal.http.page.PageDecorator;
import vn.schoolguard.internal.http.page.PageDecoratorTest;
import vn.schoolguard.internal.http.page.PageServer;

/** What a visitor's browser shows: the portal link and badge are visible and named, and the tracker runs. */
class PortalLinkBrowserTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File DRIVER = new File("/usr/bin/chromedriver");

    @Test
    void visitorSeesAnAccessiblePortalLinkAndBadgeAndTheTrackerRuns() throws Exception {
        if (!CHROMIUM.canExecute() || !DRIVER.canExecute()) {
            System.err.println("WARNING: headless Chromium or chromedriver not found; SKIPPING the portal link browser test");
        }
        assumeTrue(CHROMIUM.canExecute() && DRIVER.canExecute(), "Chromium and chromedriver are needed");
        PageDecoration decoration = new PageDecoration(PageServer.settings("emc.site-id", "4242",
                "portal.url", "https://haiphong.edu.vn/", "portal.label", "Sở GD&ĐT Hải Phòng",
                "portal.title", "Cổng thông tin Sở Giáo dục và Đào tạo Hải Phòng",
                "badge.tnm.image", "https://tinnhiemmang.vn/handle_cert?id=x", "badge.tnm.url", "https://tinnhiemmang.vn/",
                "badge.tnm.alt", "Chứng nhận Tín nhiệm mạng", "implant.sample-rate", "0"));
        Path profile = Files.createTempDirectory("schoolguard-chromium");
        try (PageServer server = new PageServer(new PageDecorator(decoration)).servlet("/", PageDecoratorTest.servlet((rq, rs) -> {
            rs.setContentType("text/html;charset=UTF-8");
            rs.getWriter().write(PageDecoratorTest.PAGE);
        })).start()) {
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                    "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort().build();
            ChromeDriver browser = new ChromeDriver(service, options);
            try {
                browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
                browser.get("http://127.0.0.1:" + server.port() + "/");
                WebElement link = browser.findElement(By.cssSelector(".schoolguard-portal a[href='https://haiphong.edu.vn/']"));
                assertThat(link.isDisplayed()).isTrue();
                assertThat(link.getText()).isEqualTo("Sở GD&ĐT Hải Phòng");
                assertThat(link.getAccessibleName()).isEqualTo("Sở GD&ĐT Hải Phòng");
                assertThat(link.getDomAttribute("title")).isEqualTo("Cổng thông tin Sở Giáo dục và Đào tạo Hải Phòng");
                WebElement badge = browser.findElement(By.cssSelector(".schoolguard-portal img"));
                assertThat(badge.getDomAttribute("alt")).isEqualTo("Chứng nhận Tín nhiệm mạng");
                assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Tin tức nhà trường");
                Object siteId = ((JavascriptExecutor) browser).executeScript(
                        "return (window._govaq || []).filter(c => c[0] === 'setSiteId').map(c => c[1]).join(',');");
                assertThat(siteId).isEqualTo("4242");
                Object trackers = ((JavascriptExecutor) browser).executeScript(
                        "return document.querySelectorAll('script[src$=\"gov-tracking.min.js\"]').length;");
                assertThat(trackers).isEqualTo(1L);
            } finally {
                browser.quit();
            }
        }
    }
}
