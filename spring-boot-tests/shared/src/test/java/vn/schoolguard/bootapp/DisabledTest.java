package vn.schoolguard.bootapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jakarta.servlet.ServletContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import vn.schoolguard.SchoolGuardFilter;

/** schoolguard.enabled=false: the same site, settings and all, runs unguarded. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "schoolguard.enabled=false")
@ActiveProfiles(Guarded.PROFILE)
@DirtiesContext
class DisabledTest {

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
    ApplicationContext context;

    @Test
    void theSiteIsUnguarded() {
        SiteClient site = new SiteClient(port);

        HttpResponse<String> posted = site.postForm("/news/2/comments", Map.of("author", "Lan", "content", "Chào trường"));

        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(posted.headers().firstValue("Location")).hasValue("/news/2");
        assertThat(comments.all()).hasSize(1);
        assertThat(site.get("/news/2").body()).contains("Chào trường").doesNotContain("_govaq");
        assertThat(site.get("/_schoolguard/api/submissions").statusCode()).isEqualTo(404);
    }

    @Test
    void noFilterIsRegisteredByAnyRoute() {
        assertThat(context.getBeanNamesForType(org.springframework.boot.web.servlet.FilterRegistrationBean.class))
                .doesNotContain("schoolGuardFilterRegistration");
        // Not even by the drop-in JAR's ServletContainerInitializer, although the context-parameter
        // schoolguard.enabled=true would have it register the filter: Boot's embedded Tomcat does not run it.
        assertThat(servletContext.getInitParameter("schoolguard.enabled")).isEqualTo("true");
        assertThat(servletContext.getFilterRegistrations().values())
                .noneMatch(r -> SchoolGuardFilter.class.getName().equals(r.getClassName()));
        assertThat(Files.exists(dir.resolve("schoolguard"))).as("no data directory created").isFalse();
    }
}
