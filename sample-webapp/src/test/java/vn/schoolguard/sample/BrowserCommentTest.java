package vn.schoolguard.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** What a visitor does: home page, a news link, the comment form, the comment on the page. */
class BrowserCommentTest {

    @Test
    void visitorFollowsNewsLinkPostsCommentByClickingAndSeesIt() {
        try (TestSite site = TestSite.noGuard(); Browser browser = Browser.open()) {
            WebDriver driver = browser.driver();
            driver.get(site.uri("/").toString());
            assertThat(driver.getTitle()).isEqualTo("Trang chủ – Trường THPT Ngô Quyền");

            driver.findElement(By.linkText("Ngày hội Khoa học kỹ thuật cấp trường năm học 2026–2027")).click();
            browser.await().until(ExpectedConditions.urlContains("/news/4"));
            assertThat(driver.findElement(By.tagName("h1")).getText())
                    .isEqualTo("Ngày hội Khoa học kỹ thuật cấp trường năm học 2026–2027");

            WebElement form = driver.findElement(By.cssSelector("form.comment-form"));
            form.findElement(By.name("author")).sendKeys("Đỗ Minh Khôi, lớp 11A2");
            form.findElement(By.name("email")).sendKeys("khoi@example.com");
            form.findElement(By.name("content")).sendKeys("Chúc mừng nhóm dự án cảnh báo ngập úng! <b>Tuyệt vời</b>");
            form.findElement(By.cssSelector("button[type=submit]")).click();

            browser.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.comment")));
            assertThat(driver.getCurrentUrl()).endsWith("/news/4#binh-luan");
            WebElement comment = driver.findElement(By.cssSelector("li.comment"));
            assertThat(comment.findElement(By.tagName("strong")).getText()).isEqualTo("Đỗ Minh Khôi, lớp 11A2");
            assertThat(comment.findElement(By.cssSelector(".content b")).getText()).isEqualTo("Tuyệt vời");
            assertThat(comment.getText()).contains("Chúc mừng nhóm dự án cảnh báo ngập úng!");
            assertThat(driver.findElements(By.cssSelector("li.comment"))).hasSize(1);
            assertThat(driver.findElement(By.id("binh-luan-heading")).getText()).isEqualTo("Bình luận (1)");
        }
    }

    @Test
    void emptyCommentIsStoppedWithTheSitesMessageWhenBrowserChecksAreBypassed() {
        try (TestSite site = TestSite.noGuard(); Browser browser = Browser.open()) {
            WebDriver driver = browser.driver();
            driver.get(site.uri("/news/6").toString());
            // Skip the browser's own "required" check to reach the server's validation, as a script would.
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.querySelector('form.comment-form').noValidate = true;");
            driver.findElement(By.cssSelector("form.comment-form button[type=submit]")).click();

            browser.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert")));
            assertThat(driver.findElement(By.cssSelector(".alert")).getText())
                    .contains("Vui lòng nhập họ và tên.", "Vui lòng nhập nội dung bình luận.");
        }
    }
}
