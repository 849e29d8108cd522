package vn.schoolguard.bootapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertySource;

import vn.schoolguard.SchoolGuardFilter;

/** The starter in a real Spring Boot site on its embedded Tomcat, driven over HTTP as visitors and moderators do. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(Guarded.PROFILE)
@DirtiesContext
class GuardedSiteTest {

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        Guarded.dataDir(registry, dir);
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    Comments comments;
    @Autowired
    ServletContext servletContext;
    @Autowired
    List<FilterRegistrationBean<?>> registrations;

    SiteClient site;

    @BeforeEach
    void client() {
        site = new SiteClient(port);
        comments.clear();
    }

    @Test
    void pagesCarryTheEmcTrackerOnce() {
        HttpResponse<String> page = site.get("/news/1");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(SiteClient.occurrences(page.body(), "_govaq")).as(page.body()).isPositive();
        assertThat(SiteClient.occurrences(page.body(), "gov-tracking.min.js")).as(page.body()).isEqualTo(1);
        assertThat(page.body()).contains("4242");
    }

    @Test
    void aPostedCommentIsHeldThenStoredExactlyOnceOnApproval() {
        String text = "Bài viết rất hay, cảm ơn thầy cô! <b>Trường Ngô Quyền</b>";
        HttpResponse<String> posted = site.postForm("/news/7/comments", Map.of("author", "Phụ huynh Thu Hà", "content", text));

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
        assertThat(posted.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/_schoolguard/receipt/"));
        assertThat(comments.all()).as("held, not given to the application").isEmpty();
        assertThat(site.get("/news/7").body()).doesNotContain("Bài viết rất hay");

        JsonNode held = site.pendingWith("Bài viết rất hay");
        String approve = "/_schoolguard/api/submissions/" + held.path("id").asText() + "/approve";
        HttpResponse<String> approved = site.api("POST", approve, SiteClient.ADMIN, SiteClient.PASSWORD);

        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(comments.all()).hasSize(1);
        assertThat(comments.all().get(0).author()).isEqualTo("Phụ huynh Thu Hà");
        assertThat(comments.all().get(0).content()).contains("Bài viết rất hay, cảm ơn thầy cô!", "<b>Trường Ngô Quyền</b>");
        assertThat(site.get("/news/7").body()).contains("Bài viết rất hay, cảm ơn thầy cô!").contains("Phụ huynh Thu Hà");

        // Regression: a second approval (a double click, a retried script) must not store the comment again.
        site.api("POST", approve, SiteClient.ADMIN, SiteClient.PASSWORD);
        assertThat(comments.all()).hasSize(1);
    }

    @Test
    void scriptInACommentNeverReachesTheApplication() {
        site.postForm("/news/8/comments", Map.of("author", "<script>alert(1)</script>", "content",
                "Xem tại đây <script>alert('xss')</script><img src=x onerror=alert(2)> nhé"));
        JsonNode held = site.pendingWith("Xem t");

        site.api("POST", "/_schoolguard/api/submissions/" + held.path("id").asText() + "/approve", SiteClient.ADMIN, SiteClient.PASSWORD);

        assertThat(comments.all()).hasSize(1);
        assertThat(comments.all().get(0).content()).contains("Xem tại đây").doesNotContain("<script", "onerror");
        assertThat(site.get("/news/8").body()).doesNotContain("<script>alert", "onerror");
    }

    @Test
    void theApiRefusesMissingAndWrongCredentials() {
        assertThat(site.api("GET", "/_schoolguard/api/submissions?status=pending", SiteClient.ADMIN, "wrong-password").statusCode())
                .isEqualTo(401);
        assertThat(site.get("/_schoolguard/api/submissions?status=pending").statusCode()).isEqualTo(401);
    }

    @Test
    void theFilterIsRegisteredOnceFirstOnEveryPathWithTheSpringSettings() {
        List<? extends FilterRegistration> guards = servletContext.getFilterRegistrations().values().stream()
                .filter(r -> SchoolGuardFilter.class.getName().equals(r.getClassName())).toList();

        // One, not two: Boot's embedded Tomcat does not run the drop-in JAR's ServletContainerInitializer, even
        // with the context-parameter that would make it register the filter.
        assertThat(guards).hasSize(1);
        assertThat(guards.get(0).getName()).isEqualTo("schoolguard");
        assertThat(guards.get(0).getUrlPatternMappings()).containsExactly("/*");
        assertThat(guards.get(0).getInitParameters()).containsEntry("route.comments.match", "POST /news/*/comments")
                .containsEntry("emc.site-id", "4242").doesNotContainKey("enabled");
        FilterRegistrationBean<?> ours = registrations.stream().filter(r -> r.getFilter() instanceof SchoolGuardFilter)
                .findFirst().orElseThrow();
        assertThat(ours.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
        assertThat(registrations).allSatisfy(r -> assertThat(r.getOrder()).isGreaterThanOrEqualTo(ours.getOrder()));
    }
}
