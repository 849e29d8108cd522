package vn.schoolguard.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What a moderator and a visitor see in a real headless Chromium on the guarded sample site: the
 * console's queue, the approve button, the notice, and the article afterwards.
 */
class GuardedConsoleBrowserTest {

    /** A comment that would run script three ways if any of it reached the page unsanitized. */
    static final String HOSTILE_COMMENT = "Xin chào <b>các bạn</b>"
            + "<script>window.__pwned = 'script'; alert('script')</script>"
            + "<img src=\"/static/khong-co.png\" onerror=\"window.__pwned = 'onerror'; alert('onerror')\">"
            + "<a href=\"javascript:window.__pwned = 'link'\" id=\"bam-vao\">bấm vào đây</a>"
            + "<p onmouseover=\"window.__pwned = 'hover'\">di chuột qua</p>";

    private static final String PASSWORD = "mat-khau-trinh-duyet";

    @Test
    void moderatorSignsInClicksApproveAndTheVisitorSeesTheCommentOnce() {
        try (TestSite site = TestSite.guarded(PASSWORD); Browser browser = Browser.open()) {
            GuardedApi visitor = new GuardedApi(site);
            visitor.postComment(6, "Vũ Hoàng Yến, phụ huynh lớp 10A3", "Lịch thi rất hợp lý, <i>cảm ơn</i> nhà trường!");
            visitor.postComment(6, "Người khác", "Bình luận này vẫn chờ duyệt");
            long id = visitor.moderator().pendingWith("Lịch thi rất hợp lý").path("id").asLong();
            ChromeDriver driver = browser.driver();

            driver.get(site.uri("/_schoolguard/queue").toString());
            browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("moderator");
            driver.findElement(By.id("password")).sendKeys(PASSWORD);
            driver.findElement(By.cssSelector("form.stack button[type=submit]")).click();
            browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("item-" + id)));
            assertThat(driver.findElement(By.id("who-name")).getText()).isEqualTo("moderator");
            assertThat(driver.findElements(By.cssSelector("ol.items li.item"))).hasSize(2);
            WebElement item = driver.findElement(By.id("item-" + id));
            assertThat(item.getText()).contains("Vũ Hoàng Yến", "127.0.0.1");

            item.findElement(By.cssSelector("button[data-action=approve]")).click();

            WebElement flash = browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("flash")));
            assertThat(flash.getText()).contains("#" + id);
            assertThat(driver.findElements(By.id("item-" + id))).isEmpty();
            assertThat(driver.findElements(By.cssSelector("ol.items li.item"))).hasSize(1);

            driver.get(site.uri("/news/6").toString());
            List<WebElement> comments = driver.findElements(By.cssSelector("li.comment"));
            assertThat(comments).hasSize(1);
            assertThat(comments.get(0).findElement(By.tagName("strong")).getText()).isEqualTo("Vũ Hoàng Yến, phụ huynh lớp 10A3");
            assertThat(comments.get(0).findElement(By.cssSelector(".content i")).getText()).isEqualTo("cảm ơn");
            assertThat(driver.findElement(By.id("binh-luan-heading")).getText()).isEqualTo("Bình luận (1)");
            assertThat(driver.getPageSource()).doesNotContain("Bình luận này vẫn chờ duyệt");
        }
    }

    @Test
    void approvedHostileCommentRunsNoScriptInTheBrowser() {
        try (TestSite site = TestSite.guarded(PASSWORD); Browser browser = Browser.open()) {
            GuardedApi visitor = new GuardedApi(site);
            visitor.postComment(4, "Kẻ tấn công", HOSTILE_COMMENT);
            visitor.moderator().approve(visitor.moderator().pendingWith("Xin chào").path("id").asLong());
            ChromeDriver driver = browser.driver();
            // Before any page script runs: record every alert instead of showing it.
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                    "window.__alerts = []; window.alert = function (m) { window.__alerts.push(String(m)); };"));

            driver.get(site.uri("/news/4").toString());
            browser.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.comment")));
            WebElement comment = driver.findElement(By.cssSelector("li.comment"));
            assertThat(comment.findElement(By.cssSelector(".content b")).getText()).isEqualTo("các bạn");
            assertThat(comment.findElements(By.cssSelector("script, [onerror], [onmouseover], a[href^='javascript']"))).isEmpty();
            for (WebElement link : comment.findElements(By.tagName("a"))) {
                link.click();
            }
            new Actions(driver).moveToElement(comment).perform();
            assertThat(driver.getCurrentUrl()).as("clicking the comment's links left the page").endsWith("/news/4");

            JavascriptExecutor js = driver;
            // Wait until every image in the comment has finished (loaded or failed), so an onerror would have fired.
            browser.await().until(d -> Boolean.TRUE.equals(js.executeScript(
                    "return Array.from(document.querySelectorAll('li.comment img')).every(i => i.complete);")));
            assertThat(js.executeScript("return window.__pwned === undefined ? null : String(window.__pwned);")).isNull();
            assertThat((List<?>) js.executeScript("return window.__alerts;")).isEmpty();
        }
    }
}
