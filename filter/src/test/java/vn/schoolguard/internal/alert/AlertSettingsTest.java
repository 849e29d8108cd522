package vn.schoolguard.internal.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vn.schoolguard.SchoolGuardConfig;
import vn.schoolguard.api.ConfigException;
import vn.schoolguard.api.ConfigProblem;

/** Alert settings through the whole configuration: defaults, hostile values named with their key, secrets never shown. */
class AlertSettingsTest {

    static final String PASSWORD = "mật-khẩu-smtp-bí-mật";
    static final String SECRET = "khoa-bi-mat-cua-so-0123456789";

    static Map<String, String> working() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("data.dir", "/tmp/sg-alert-settings");
        settings.put("alerts.mail.host", "smtp.haiphong.edu.vn");
        settings.put("alerts.mail.from", "canhbao@thcs-ngoquyen.edu.vn");
        settings.put("alerts.mail.to", "it@haiphong.edu.vn, hieutruong@thcs-ngoquyen.edu.vn");
        settings.put("alerts.mail.user", "canhbao");
        settings.put("alerts.mail.password", PASSWORD);
        settings.put("alerts.webhook.url", "https://giamsat.haiphong.edu.vn/hooks/schoolguard");
        settings.put("alerts.webhook.secret", SECRET);
        return settings;
    }

    static SchoolGuardConfig build(Map<String, String> settings) {
        SchoolGuardConfig.Builder builder = SchoolGuardConfig.builder().environment(Map.of())
                .systemProperties(new Properties());
        settings.forEach(builder::set);
        return builder.build();
    }

    @Test
    void defaultsSendNothingAndWatchEverything() {
        AlertSettings alerts = build(Map.of("data.dir", "/tmp/sg-alert-settings")).alerts();
        assertThat(alerts.sends()).isFalse();
        assertThat(alerts.language()).isEqualTo("vi");
        assertThat(alerts.selfCheck().every()).hasHours(1);
        assertThat(alerts.verifyEvery()).hasHours(6);
        assertThat(alerts.queueMaxAge()).hasHours(48);
        assertThat(alerts.delivery().retries()).isEqualTo(3);
    }

    @Test
    void aWorkingSetupPicksThePortBySecurityAndNeverShowsItsSecrets() {
        AlertSettings alerts = build(working()).alerts();
        assertThat(alerts.mail().port()).isEqualTo(587);
        assertThat(alerts.mail().to()).containsExactly("it@haiphong.edu.vn", "hieutruong@thcs-ngoquyen.edu.vn");
        assertThat(alerts.toString()).doesNotContain(PASSWORD).doesNotContain(SECRET).contains("(hidden)");
        assertThat(alerts.describe().toString()).doesNotContain(SECRET).doesNotContain("/hooks");
        Map<String, String> ssl = working();
        ssl.put("alerts.mail.security", "ssl");
        assertThat(build(ssl).alerts().mail().port()).isEqualTo(465);
        Map<String, String> off = working();
        off.put("selfcheck.every", "off");
        off.put("iplog.verify-every", "OFF");
        off.put("alerts.queue-max-age", "off");
        AlertSettings none = build(off).alerts();
        assertThat(none.selfCheck().every()).isNull();
        assertThat(none.verifyEvery()).isNull();
        assertThat(none.queueMaxAge()).isNull();
    }

    @Test
    void aMailHostWithoutSenderOrRecipientsNamesBothAtOnce() {
        assertThatThrownBy(() -> build(Map.of("data.dir", "/tmp/sg", "alerts.mail.host", "smtp.haiphong.edu.vn")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).extracting(ConfigProblem::key)
                        .contains("alerts.mail.from", "alerts.mail.to"));
    }

    @Test
    void secretsAreNeverEchoedInProblems() {
        Map<String, String> settings = working();
        settings.put("alerts.webhook.secret", "ngắn-bí-mật");
        settings.put("alerts.mail.user", "");
        assertThatThrownBy(() -> build(settings)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.problems()).extracting(ConfigProblem::key).contains("alerts.webhook.secret", "alerts.mail.password");
            assertThat(e.getMessage()).doesNotContain("ngắn-bí-mật").doesNotContain(PASSWORD);
        });
    }

    static Stream<Arguments> hostile() throws Exception {
        return Files.readAllLines(Path.of(AlertSettingsTest.class.getResource("/alert/hostile-settings.txt").toURI()),
                StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> {
                    String[] cells = l.split(" \\| ", 4);
                    return Arguments.of(cells[0].trim(), cells[1].replace("\\r", "\r").replace("\\n", "\n")
                            .replace("\\t", "\t"), cells[2].trim(), cells[3].trim());
                });
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("hostile")
    void hostileValuesStopStartupNamingTheKeyAndWhatIsExpected(String key, String value, String problemKey, String expected) {
        Map<String, String> settings = working();
        settings.put(key, value);
        assertThatThrownBy(() -> build(settings)).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.key()).isEqualTo(problemKey);
                    assertThat(p.expected()).contains(expected);
                }));
    }
}
