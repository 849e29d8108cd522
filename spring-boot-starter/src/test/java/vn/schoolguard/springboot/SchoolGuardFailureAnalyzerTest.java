package vn.schoolguard.springboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import vn.schoolguard.api.ConfigException;
import vn.schoolguard.SchoolGuardConfig;

class SchoolGuardFailureAnalyzerTest {

    @TempDir
    Path dir;

    @Test
    void everyProblemIsNamedUnderItsSpringPropertyWithValueAndExpectation() {
        ConfigException problem = catchThrowableOfType(ConfigException.class, () -> SchoolGuardConfig.builder()
                .environment(Map.of()).systemProperties(new Properties())
                .set("data.dir", dir.toString())
                .set("ratelimit.per-ip", "banana")
                .set("emc.site-id", "<script>")
                .set("ratelimt.per-ip", "5/1m")
                .build());
        Throwable wrapped = new BeanCreationException("schoolGuardFilterRegistration", "failed", problem);

        FailureAnalysis analysis = new SchoolGuardFailureAnalyzer().analyze(wrapped);

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription())
                .contains("3 problems")
                .contains("'schoolguard.ratelimit.per-ip' has invalid value 'banana': expected")
                .contains("'schoolguard.emc.site-id' has invalid value '<script>'")
                .contains("'schoolguard.ratelimt.per-ip' is not known");
        assertThat(analysis.getAction()).contains("schoolguard.enabled=false");
        assertThat(analysis.getCause()).isSameAs(problem);
    }

    @Test
    void environmentVariablesAndTheConfigFileKeepTheNamesTheAdministratorWrote() {
        assertThat(SchoolGuardFailureAnalyzer.propertyName("SCHOOLGUARD_RATELIMIT_PERIP")).isEqualTo("SCHOOLGUARD_RATELIMIT_PERIP");
        assertThat(SchoolGuardFailureAnalyzer.propertyName("config-file")).isEqualTo("schoolguard.config");
        assertThat(SchoolGuardFailureAnalyzer.propertyName("schoolguard.enabled")).isEqualTo("schoolguard.enabled");
    }

    @Test
    void otherFailuresAreLeftToOtherAnalyzers() {
        assertThat(new SchoolGuardFailureAnalyzer().analyze(new IllegalStateException("port in use"))).isNull();
    }
}
