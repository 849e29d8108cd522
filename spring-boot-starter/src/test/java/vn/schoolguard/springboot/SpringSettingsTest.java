package vn.schoolguard.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import vn.schoolguard.api.ConfigException;

class SpringSettingsTest {

    private final StandardEnvironment environment = new StandardEnvironment();

    SpringSettingsTest() {
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
    }

    private void file(Map<String, Object> values) {
        environment.getPropertySources().addLast(new MapPropertySource("application.properties", values));
    }

    private void variables(Map<String, Object> values) {
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("systemEnvironment", values));
        ConfigurationPropertySources.attach(environment);
    }

    @Test
    void prefixIsRemovedAndOtherPropertiesAreLeftOut() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("schoolguard.route.comments.match", "POST /news/*/comments");
        values.put("schoolguard.data.dir", "/var/lib/schoolguard");
        values.put("server.port", "8080");
        values.put("schoolguardian.x", "not ours");
        values.put("schoolguard.", "no key");
        file(values);

        assertThat(SpringSettings.initParameters(environment)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "route.comments.match", "POST /news/*/comments", "data.dir", "/var/lib/schoolguard"));
    }

    @Test
    void placeholdersAreResolved() {
        file(Map.of("site.home", "/srv/site", "schoolguard.data.dir", "${site.home}/schoolguard"));

        assertThat(SpringSettings.initParameters(environment)).containsEntry("data.dir", "/srv/site/schoolguard");
    }

    @Test
    void environmentVariableInRelaxedFormOverridesTheFile() {
        file(Map.of("schoolguard.ratelimit.per-ip", "5/1m", "schoolguard.route.comments.match", "POST /a"));
        variables(Map.of("SCHOOLGUARD_RATELIMIT_PERIP", "50/1m", "SCHOOLGUARD_ROUTE_COMMENTS_MATCH", "POST /b"));

        assertThat(SpringSettings.initParameters(environment))
                .containsEntry("ratelimit.per-ip", "50/1m")
                .containsEntry("route.comments.match", "POST /b");
    }

    @Test
    void variablesTheFilesDoNotNameAreLeftToTheFilter() {
        variables(Map.of("SCHOOLGUARD_DATA_DIR", "/tmp/x", "schoolguard_lower", "y"));

        assertThat(SpringSettings.initParameters(environment)).isEmpty();
    }

    @Test
    void theStartersOwnKeysAreNotPassedAsFilterKeys() {
        file(Map.of("schoolguard.enabled", "true", "schoolguard.autoRegister", "false",
                "schoolguard.config", " /etc/schoolguard.properties "));

        assertThat(SpringSettings.initParameters(environment))
                .containsExactlyEntriesOf(Map.of("config-file", "/etc/schoolguard.properties"));
    }

    @Test
    void configFileMayComeFromTheEnvironmentVariableTheFilterKnows() {
        variables(Map.of("SCHOOLGUARD_CONFIG", "/etc/sg.properties"));

        assertThat(SpringSettings.initParameters(environment)).containsEntry("config-file", "/etc/sg.properties");
    }

    @Test
    void aMistypedSwitchStopsStartupNamingItsKeyAndValue() {
        file(Map.of("schoolguard.enabled", "ture"));

        assertThatThrownBy(() -> SpringSettings.initParameters(environment))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'schoolguard.enabled'").hasMessageContaining("'ture'").hasMessageContaining("true or false");
    }
}
