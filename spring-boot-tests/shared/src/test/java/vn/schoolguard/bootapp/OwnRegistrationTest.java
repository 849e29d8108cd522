package vn.schoolguard.bootapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import jakarta.servlet.ServletContext;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

import vn.schoolguard.SchoolGuardFilter;

/** A site that registers SchoolGuardFilter itself keeps its own registration; the starter backs off. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class OwnRegistrationTest {

    @TempDir
    static Path dir;

    @TestConfiguration
    static class OwnRegistration {
        @Bean
        FilterRegistrationBean<SchoolGuardFilter> siteGuard() {
            FilterRegistrationBean<SchoolGuardFilter> registration = new FilterRegistrationBean<>(new SchoolGuardFilter());
            registration.setName("site-guard");
            registration.addUrlPatterns("/news/*");
            registration.addInitParameter("data.dir", dir.resolve("own").toString());
            registration.addInitParameter("accounts.password-iterations", "10000");
            return registration;
        }
    }

    @Autowired
    ServletContext servletContext;
    @Autowired
    ApplicationContext context;

    @Test
    void theApplicationsRegistrationIsTheOnlyOne() {
        assertThat(context.containsBean("schoolGuardFilterRegistration")).isFalse();
        assertThat(servletContext.getFilterRegistrations().values())
                .filteredOn(r -> SchoolGuardFilter.class.getName().equals(r.getClassName()))
                .singleElement().satisfies(r -> {
                    assertThat(r.getName()).isEqualTo("site-guard");
                    assertThat(r.getUrlPatternMappings()).containsExactly("/news/*");
                });
    }
}
