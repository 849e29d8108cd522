package vn.schoolguard.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A real browser at lachtray.localhost and ngoquyen.localhost (Chromium resolves *.localhost itself): two schools. */
class TwoSchoolsBrowserTest {

    @Test
    void eachSchoolShowsItsPortalAndItsModeratorSeesItsOwnQueueOnly() {
        try (TestSite site = TestSite.guarded(TestSite.DEFAULT_PASSWORD); Browser browser = Browser.open()) {
            int port = site.baseUri().getPort();
            String lachtray = "http://lachtray.localhost:" + port;
            String ngoquyen = "http://ngoquyen.localhost:" + port;
            ChromeDriver driver = browser.driver();

            driver.get(lachtray + "/news/6");
            WebElement portal = driver.findElement(By.cssSelector("a[href='" + GuardWiring.LACHTRAY_PORTAL + "']"));
            assertThat(portal.getText()).isEqualTo("Phòng GD&ĐT quận Ngô Quyền");
            WebElement form = driver.findElement(By.cssSelector("form.comment-form"));
            form.findElement(By.name("author")).sendKeys("Phụ huynh lớp 6A");
            form.findElement(By.name("content")).sendKeys("Câu hỏi gửi riêng trường Lạch Tray");
            form.findElement(By.cssSelector("button[type=submit]")).click();
            browser.await().until(ExpectedConditions.urlContains("/_schoolguard/receipt/"));

            driver.get(ngoquyen + "/");
            assertThat(driver.findElements(By.cssSelector("a[href='" + SiteOptions.DEFAULT_PARENT_PORTAL + "']"))).isNotEmpty();
            assertThat(driver.findElements(By.cssSelector("a[href='" + GuardWiring.LACHTRAY_PORTAL + "']"))).isEmpty();

            signIn(browser, ngoquyen, "moderator-ngoquyen");
            assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("Lạch Tray");

            signIn(browser, lachtray, "moderator-lachtray");
            assertThat(driver.findElement(By.cssSelector("ol.items")).getText()).contains("Câu hỏi gửi riêng trường Lạch Tray");
        }
    }

    private static void signIn(Browser browser, String school, String user) {
        ChromeDriver driver = browser.driver();
        driver.get(school + "/_schoolguard/queue");
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(TestSite.DEFAULT_PASSWORD);
        driver.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("who-name")));
        assertThat(driver.findElement(By.id("who-name")).getText()).isEqualTo(user);
    }
}
