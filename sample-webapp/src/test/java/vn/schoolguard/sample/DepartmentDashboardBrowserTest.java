package vn.schoolguard.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The department dashboard in a real headless Chromium on the guarded sample site: an admin signs in, sorts the
 * sites by their queue with a column heading (no script on the page), opens a site and finds its reports. Chromium
 * asks for English, so the console answers in English.
 */
class DepartmentDashboardBrowserTest {

    private static final String PASSWORD = "mat-khau-trinh-duyet";

    @Test
    void anAdminSortsTheSitesByTheirQueueAndOpensOne() {
        try (TestSite site = TestSite.guarded(PASSWORD); Browser browser = Browser.open()) {
            GuardedApi visitor = new GuardedApi(site);
            visitor.postComment(6, "Phụ huynh", "Cảm ơn nhà trường");
            ChromeDriver driver = browser.driver();

            driver.get(site.uri("/_schoolguard/department").toString());
            browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("admin");
            driver.findElement(By.id("password")).sendKeys(PASSWORD);
            driver.findElement(By.cssSelector("form.stack button[type=submit]")).click();
            browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("nav.nav")));
            driver.get(site.uri("/_schoolguard/department").toString());
            browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("department-sites")));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Department sites");

            driver.findElement(By.linkText("Pending")).click();
            browser.await().until(ExpectedConditions.urlContains("sort=pending"));
            List<WebElement> rows = driver.findElements(By.cssSelector("#department-sites tr.site-row"));
            assertThat(rows).isNotEmpty();
            WebElement first = rows.get(0);
            assertThat(first.findElements(By.tagName("td")).get(1).getText()).isEqualTo("1");
            assertThat(driver.findElement(By.cssSelector("th a[aria-current]")).getText()).isEqualTo("Pending");

            String key = first.getAttribute("data-site");
            first.findElement(By.cssSelector("td a")).click();
            browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("site-figures")));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Site " + key);
            assertThat(driver.findElement(By.id("site-pending")).getText()).isEqualTo("1");
            assertThat(driver.findElements(By.cssSelector("ul.report-months a"))).isNotEmpty()
                    .allSatisfy(a -> assertThat(a.getAttribute("href")).contains("/_schoolguard/api/department/sites/"));
        }
    }
}
