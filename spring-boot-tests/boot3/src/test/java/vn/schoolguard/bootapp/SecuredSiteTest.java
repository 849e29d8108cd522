package vn.schoolguard.bootapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A site with Spring Security (everything permitted, CSRF protection on except for the comment form): SchoolGuard
 * runs before Security's filter chain, so it answers its own paths and holds submissions before Security sees them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.autoconfigure.exclude=")
@ActiveProfiles(Guarded.PROFILE)
@DirtiesContext
class SecuredSiteTest {

    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        Guarded.dataDir(registry, dir);
    }

    @TestConfiguration
    static class PermitAll {
        @Bean
        SecurityFilterChain chain(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .csrf(csrf -> csrf.ignoringRequestMatchers("/news/*/comments"))
                    .build();
        }
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    Comments comments;
    @Autowired
    DelegatingFilterProxyRegistrationBean securityChain;

    @Test
    void securityRunsOnTheSiteAfterSchoolGuard() {
        SiteClient site = new SiteClient(port);

        assertThat(securityChain.getOrder()).isEqualTo(SecurityProperties.DEFAULT_FILTER_ORDER).isGreaterThan(Integer.MIN_VALUE);
        // Security guards the application's own forms: no CSRF token, no like.
        assertThat(site.postForm("/news/5/likes", Map.of()).statusCode()).isEqualTo(403);
        HttpResponse<String> page = site.get("/news/5");
        assertThat(page.headers().firstValue("X-XSS-Protection")).as("Security's headers on the site's pages").hasValue("0");
        assertThat(page.body()).contains("gov-tracking.min.js");

        HttpResponse<String> held = site.postForm("/news/5/comments", Map.of("author", "Minh", "content", "Chúc mừng đội tuyển!"));
        assertThat(held.statusCode()).isEqualTo(303);
        assertThat(held.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("/_schoolguard/receipt/"));
        assertThat(held.headers().firstValue("X-XSS-Protection")).as("answered by SchoolGuard before Security ran").isEmpty();
        assertThat(comments.all()).isEmpty();

        // The approval is a POST without a CSRF token: Security would refuse it, SchoolGuard answers it first.
        JsonNode pending = site.pendingWith("Chúc mừng đội tuyển!");
        HttpResponse<String> approved = site.api("POST", "/_schoolguard/api/submissions/" + pending.path("id").asText() + "/approve",
                SiteClient.ADMIN, SiteClient.PASSWORD);

        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(comments.all()).hasSize(1);
        assertThat(site.get("/news/5").body()).contains("Chúc mừng đội tuyển!");
    }
}
