package vn.schoolguard;

import vn.schoolguard.api.ConfigException;
import vn.schoolguard.api.ConfigProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class SchoolGuardConfigTest {

    static SchoolGuardConfig.Builder builder() {
        return SchoolGuardConfig.builder().environment(Map.of()).systemProperties(new Properties());
    }

    @Test
    void everyProblemIsReportedAtOnceNamingKeyValueAndExpectation() {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> builder()
                .set("limits.max-body", "lots")
                .set("proxies.trusted", "10.0.0.0/8, not-a-block")
                .set("route.comments.match", "GET /x")
                .set("login.lockout", "5 minutes")
                .set("moderaton.replay", "false")
                .build());
        assertThat(e.problems()).extracting(ConfigProblem::key)
                .containsExactlyInAnyOrder("limits.max-body", "proxies.trusted", "route.comments.match", "login.lockout", "moderaton.replay");
        assertThat(e.getMessage())
                .contains("setting 'limits.max-body' has invalid value 'lots': expected a size from 1024 to 16777216 bytes, such as 64KB or 1MB")
                .contains("setting 'proxies.trusted' has invalid value 'not-a-block'")
                .contains("setting 'moderaton.replay' is not known (value 'false'): check its spelling");
    }

    @Test
    void routesFieldsAndDefaultsAreRead() {
        SchoolGuardConfig config = builder()
                .set("route.comments.match", "post /news/*/comments")
                .set("route.comments.fields", "author:author, content:html")
                .set("login.lockout", "20m")
                .build();
        assertThat(config.moderation().routes()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.matches("POST", "/news/12/comments")).isTrue();
            assertThat(r.matches("POST", "/news/12/comments/x")).isFalse();
            assertThat(r.matches("GET", "/news/12/comments")).isFalse();
        });
        assertThat(config.console().lockout()).isEqualTo(Duration.ofMinutes(20));
        assertThat(config.console().path()).isEqualTo("/_schoolguard");
        assertThat(config.moderation().maxBody()).isEqualTo(64 * 1024);
    }

    @Test
    void environmentAndSystemPropertiesOverrideAndUnknownVariablesAreErrors() {
        Properties system = new Properties();
        system.setProperty("schoolguard.limits.max-fields", "7");
        SchoolGuardConfig config = SchoolGuardConfig.builder().systemProperties(system)
                .environment(Map.of("SCHOOLGUARD_CONSOLE_PATH", "/kiem-duyet", "PATH", "/bin"))
                .set("limits.max-fields", "3")
                .build();
        assertThat(config.moderation().maxFields()).isEqualTo(7);
        assertThat(config.console().path()).isEqualTo("/kiem-duyet");
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> SchoolGuardConfig.builder()
                .systemProperties(new Properties()).environment(Map.of("SCHOOLGUARD_CONSOL_PATH", "/x")).build());
        assertThat(e.problems()).extracting(ConfigProblem::key).containsExactly("SCHOOLGUARD_CONSOL_PATH");
    }

    @Test
    void regressionRegistrationSwitchesAsSystemPropertiesAreNotUnknownSettings() {
        // -Dschoolguard.autoRegister=false and -Dschoolguard.enabled=true steer registration, as the install guide says.
        Properties system = new Properties();
        system.setProperty("schoolguard.autoRegister", "false");
        system.setProperty("schoolguard.enabled", "true");
        system.setProperty("schoolguard.config", "/etc/schoolguard.properties");
        SchoolGuardConfig config = SchoolGuardConfig.builder().systemProperties(system)
                .environment(Map.of("SCHOOLGUARD_ENABLED", "true", "SCHOOLGUARD_AUTOREGISTER", "false")).build();
        assertThat(config.moderation().maxFields()).isEqualTo(100);
    }

    @Test
    void environmentVariablesMayAlsoDropTheDashesAsSpringBootWritesThem() {
        SchoolGuardConfig config = SchoolGuardConfig.builder().systemProperties(new Properties())
                .environment(Map.of("SCHOOLGUARD_LIMITS_MAXFIELDS", "9", "SCHOOLGUARD_LIMITS_MAX_FIELD_CHARS", "5000")).build();
        assertThat(config.moderation().maxFields()).isEqualTo(9);
        assertThat(config.moderation().maxFieldChars()).isEqualTo(5000);
    }

    @Test
    void passwordsNeverAppearInTextForms() {
        SchoolGuardConfig config = builder().set("store.password", "s3cret-pass").set("accounts.seed", "admin:admin")
                .set("accounts.seed-password", "another-secret").build();
        assertThat(config.store().toString()).doesNotContain("s3cret-pass");
        assertThat(config.console().toString()).doesNotContain("another-secret");
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> builder()
                .set("accounts.seed", "admin:admin").set("accounts.seed-password", "short").build());
        assertThat(e.getMessage()).doesNotContain("short").contains("accounts.seed-password");
    }
}
